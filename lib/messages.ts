// The words more than one domain shows a person: one place, so the same case always reads the same.

/** The one answer for an unknown email and a wrong password alike. */
export const INVALID_CREDENTIALS_MESSAGE = "Invalid email or password.";

/** A deactivated account, whichever way it tried to sign in (shown only after its right password, passkey or provider). */
export const INACTIVE_ACCOUNT_MESSAGE = "This account has been deactivated. Contact an administrator.";
