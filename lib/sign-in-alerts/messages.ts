/** How long the "This wasn't me" link of a new-sign-in mail works: a week, since such a mail may be read days later. */
export const REPORT_LINK_DAYS = 7;

export const REPORT_LINK_INVALID_MESSAGE =
  "This link is invalid or has expired (each one works once). If someone else can still get into your account, reset your password.";

export const SIGN_IN_REPORTED_FLASH =
  "Everyone was signed out of your account. Now choose a new password: whoever signed in knew your old one.";
