"use server";

import { redirect } from "next/navigation";
import { cancelEmailChangeByLink } from "@/lib/verification/email-change-cancel";
import { EMAIL_CHANGE_CANCELLED_FLASH } from "@/lib/recovery/messages";
import { setFlash } from "@/lib/flash/set-flash";
import { formValues } from "@/lib/form-state";
import { cancelEmailChangeSchema } from "@/lib/validation/email-change-cancel";

/** The one button of /email-change/cancel: a plain form post, so it works without JavaScript. */
export async function cancelEmailChangeAction(formData: FormData): Promise<never> {
  const parsed = cancelEmailChangeSchema.safeParse(formValues(formData, ["token"] as const));
  const outcome = parsed.success ? await cancelEmailChangeByLink(parsed.data.token) : null;
  // Used or expired while the page was open: the page without a token says so.
  if (!outcome?.ok) redirect("/email-change/cancel");
  await setFlash("success", EMAIL_CHANGE_CANCELLED_FLASH);
  redirect("/forgot-password");
}
