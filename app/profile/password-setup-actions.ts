"use server";

import { formAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { currentRequestInfo } from "@/lib/request/info";
import { requestPasswordReset } from "@/lib/recovery/password-reset";
import { hasPassword } from "@/lib/users/queries";
import { setFlash } from "@/lib/flash/set-flash";

const PROFILE = "/profile";

/**
 * "Set a password" for an account made through a provider: the link goes to
 * the account's address, as a reset's does, so only the mailbox's owner
 * can add a password (and the reset's rules apply: every session ends, an
 * address never confirmed is confirmed and loses what was set up before).
 */
export const requestPasswordSetupAction = formAction({ access: "fresh", page: PROFILE }, async (_input, { session }): Promise<never> => {
  if (await hasPassword(session.user.id)) {
    await setFlash("info", "Your account already has a password: change it below.");
    redirect(PROFILE);
  }
  await requestPasswordReset(session.user.email, (await currentRequestInfo()).ip);
  await setFlash("success", `We sent a link to ${session.user.email}. Open it to set your password.`);
  redirect(PROFILE);
});
