/** The one answer for an unknown email and a wrong password alike. */
export const INVALID_CREDENTIALS_MESSAGE = "Invalid email or password.";
