import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { loginUrlFor } from "@/lib/auth/login-url";
import { findUserById } from "@/lib/users/queries";
import type { PublicUser } from "@/lib/users/public-user";

/**
 * The authoritative session check, run next to the data in Node: a valid
 * token is not enough, the user must still exist and be active. Cached for
 * one request so a page and its layout share one lookup.
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await findUserById(userId);
  return user?.active ? user : null;
});

/** For protected pages and actions: the signed-in user, or off to sign in. */
export async function requireUser(returnTo: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrlFor(returnTo));
  return user;
}
