"use server";

import { formAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { currentRequestInfo } from "@/lib/request/info";
import { sendVerificationMail } from "@/lib/verification/email-verification";
import { setFlash } from "@/lib/flash/set-flash";

// The pages that offer the button (components/confirm-address-first.tsx); any other value goes to the dashboard.
const RETURN_PATHS = new Set(["/dashboard", "/profile", "/profile/two-factor"]);

function returnPath(formData: FormData): string {
  const requested = formData.get("returnTo");
  return typeof requested === "string" && RETURN_PATHS.has(requested) ? requested : "/dashboard";
}

export const resendConfirmationAction = formAction({ access: "signed-in", page: returnPath }, async (_input, { session, formData }): Promise<never> => {
  const { user } = session;
  if (user.emailVerified) {
    await setFlash("info", "Your email address is already confirmed.");
  } else {
    await sendVerificationMail(user, (await currentRequestInfo()).ip);
    // The same words whether or not a limit held the mail back.
    await setFlash("success", `We have sent a new confirmation link to ${user.email}.`);
  }
  redirect(returnPath(formData));
});
