/** The one answer to "Forgot your password?", whatever the address. */
export const RESET_REQUESTED_MESSAGE = "If an account exists for that address, we have sent a link to reset its password.";
export const INVALID_LINK_MESSAGE = "This link is invalid or has expired.";
export const PASSWORD_RESET_FLASH = "Your password has been reset. Sign in with your new password.";
export const CANCEL_LINK_INVALID_MESSAGE =
  "This link is invalid or has expired: the email change it was about is no longer waiting to be confirmed. " +
  "If someone else can still get into your account, reset your password.";
export const EMAIL_CHANGE_CANCELLED_FLASH =
  "The email change was cancelled and everyone was signed out of your account. Now reset your password: whoever asked for the change knew it.";
