"use server";

import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { currentRequestInfo } from "@/lib/auth/request-info";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { setBrowserKeyCookie } from "@/lib/sessions/cookies";
import { refreshSession } from "@/lib/sessions/registry";
import { verifyUserPassword } from "@/lib/users/verify-user-password";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { reauthenticateSchema, type ReauthenticateField } from "@/lib/validation/reauthenticate";

export type ReauthenticateState = FormState<ReauthenticateField>;

export async function reauthenticateAction(
  _previous: ReauthenticateState,
  formData: FormData,
): Promise<ReauthenticateState> {
  const next = safeNextPath(formData.get("next")) ?? "/dashboard";
  const session = await requireSession(next);
  const parsed = reauthenticateSchema.safeParse(formValues(formData, ["password"] as const));
  if (!parsed.success) return invalidForm(parsed.error, {});

  if (!(await verifyUserPassword(session.user.id, parsed.data.password))) {
    return formError({ fieldErrors: { password: ["That password is not correct."] } });
  }
  const browserKey = await refreshSession(session.id);
  await setBrowserKeyCookie(browserKey, (await currentRequestInfo()).secure);
  await setFlash("success", "Password confirmed.");
  redirect(next);
}
