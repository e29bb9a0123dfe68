"use server";

import { formAction, formStateAction } from "@/lib/actions/argument-guard";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireFreshSession, requireSession, requireUser } from "@/lib/auth/session";
import { revokeOtherSessions, revokeUserSession } from "@/lib/sessions/registry";
import { updateUserName } from "@/lib/users/update-user";
import { changePassword } from "@/lib/recovery/new-password";
import { confirmPassword } from "@/lib/credentials/confirm-password";
import { setFlash } from "@/lib/flash/set-flash";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import {
  changePasswordSchema,
  updateNameSchema,
  type ChangePasswordField,
  type UpdateNameField,
} from "@/lib/validation/profile";

export type UpdateNameState = FormState<UpdateNameField>;
export type ChangePasswordState = FormState<ChangePasswordField>;

const PROFILE = "/profile";

export const updateNameAction = formStateAction(handleUpdateName);
async function handleUpdateName(_previous: UpdateNameState, formData: FormData): Promise<UpdateNameState> {
  const user = await requireUser(PROFILE);
  const input = formValues(formData, ["name"] as const);
  const parsed = updateNameSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);

  await updateUserName(user.id, parsed.data.name);
  // The name also shows in the navigation of every page.
  revalidatePath("/", "layout");
  return { status: "success", message: "Your name has been saved." };
}

export const changePasswordAction = formStateAction(handleChangePassword);
async function handleChangePassword(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const session = await requireFreshSession(PROFILE);
  const input = formValues(formData, ["currentPassword", "newPassword", "confirmNewPassword"] as const);
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, {});

  // The current password is a password guess like any other: throttled and audited.
  const check = await confirmPassword(session.user, parsed.data.currentPassword, "password change");
  if (!check.ok) return formError({ fieldErrors: { currentPassword: [check.message] } });
  // Whoever else knew the old password is signed out everywhere.
  const revoked = await changePassword(session.user, parsed.data.newPassword, session.id);
  await recordAuditEvent({
    action: "password.changed",
    actorId: session.user.id,
    detail: `${revoked} other ${revoked === 1 ? "session" : "sessions"} signed out`,
  });
  revalidatePath(PROFILE);
  return { status: "success", message: "Your password has been changed. Your other sessions have been signed out." };
}

export const revokeSessionAction = formAction(handleRevokeSession);
async function handleRevokeSession(formData: FormData): Promise<never> {
  const session = await requireSession(PROFILE);
  const target = formData.get("sessionId");
  const revoked =
    typeof target === "string" && target !== session.id && (await revokeUserSession(session.user.id, target));
  if (revoked) await recordAuditEvent({ action: "session.revoked", actorId: session.user.id, detail: "one other session" });
  await setFlash(revoked ? "success" : "info", revoked ? "That session has been signed out." : "That session had already ended.");
  redirect(PROFILE);
}

export const revokeOtherSessionsAction = formAction(handleRevokeOtherSessions);
async function handleRevokeOtherSessions(): Promise<never> {
  const session = await requireSession(PROFILE);
  const count = await revokeOtherSessions(session.user.id, session.id);
  await recordAuditEvent({ action: "session.revoked", actorId: session.user.id, detail: `all other sessions (${count})` });
  await setFlash("success", count === 1 ? "Signed out of 1 other session." : `Signed out of ${count} other sessions.`);
  redirect(PROFILE);
}
