import type { PublicUser } from "@/lib/users/public-user";

/** What every place that adds a sign-in method says to an account whose address is not confirmed. */
export const CONFIRM_ADDRESS_FIRST_MESSAGE =
  "Confirm your email address first: open the link we sent you, or send a new one.";

/**
 * Whether the account may add an authenticator app, a passkey or an API key.
 * Until its address is confirmed, whoever registered the account has not
 * shown that the address is theirs: a squatter could otherwise add factors
 * that outlive the owner's recovery of the account. (Whether such an account
 * may sign in at all is REQUIRE_EMAIL_VERIFICATION's business.)
 */
export function mayAddSignInMethods(user: Pick<PublicUser, "emailVerified">): boolean {
  return user.emailVerified !== null;
}
