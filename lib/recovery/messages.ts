/** The one answer to "Forgot your password?", whatever the address. */
export const RESET_REQUESTED_MESSAGE = "If an account exists for that address, we have sent a link to reset its password.";
export const INVALID_LINK_MESSAGE = "This link is invalid or has expired.";
export const PASSWORD_RESET_FLASH = "Your password has been reset. Sign in with your new password.";
