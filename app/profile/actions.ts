"use server";

import { formAction, formStateAction } from "@/lib/actions/server-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOutOneOtherSession, signOutOtherSessions } from "@/lib/sessions/owner-sign-out";
import { updateUserName } from "@/lib/users/update-user";
import { changePassword } from "@/lib/recovery/new-password";
import { confirmPassword } from "@/lib/credentials/confirm-password";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, type FormState } from "@/lib/form-state";
import {
  changePasswordSchema,
  updateNameSchema,
  type ChangePasswordField,
  type UpdateNameField,
} from "@/lib/validation/profile";

export type UpdateNameState = FormState<UpdateNameField>;
export type ChangePasswordState = FormState<ChangePasswordField>;

const PROFILE = "/profile";

export const updateNameAction = formStateAction(
  { access: "signed-in", page: PROFILE, fields: ["name"], echo: ["name"], schema: updateNameSchema },
  async ({ name }, { session }): Promise<UpdateNameState> => {
    await updateUserName(session.user.id, name);
    // The name also shows in the navigation of every page.
    revalidatePath("/", "layout");
    return { status: "success", message: "Your name has been saved." };
  },
);

export const changePasswordAction = formStateAction(
  { access: "fresh", page: PROFILE, fields: ["currentPassword", "newPassword", "confirmNewPassword"], schema: changePasswordSchema },
  async ({ currentPassword, newPassword }, { session }): Promise<ChangePasswordState> => {
    // The current password is a password guess like any other: throttled and audited.
    const check = await confirmPassword(session.user, currentPassword, "password change");
    if (!check.ok) return formError({ fieldErrors: { currentPassword: [check.message] } });
    await changePassword(session.user, newPassword, session.id);
    revalidatePath(PROFILE);
    return { status: "success", message: "Your password has been changed. Your other sessions have been signed out." };
  },
);

export const revokeSessionAction = formAction({ access: "signed-in", page: PROFILE }, async (_input, { session, formData }): Promise<never> => {
  const target = formData.get("sessionId");
  const revoked = typeof target === "string" && (await signOutOneOtherSession(session.user.id, session.id, target));
  await setFlash(revoked ? "success" : "info", revoked ? "That session has been signed out." : "That session had already ended.");
  redirect(PROFILE);
});

export const revokeOtherSessionsAction = formAction({ access: "signed-in", page: PROFILE }, async (_input, { session }): Promise<never> => {
  const count = await signOutOtherSessions(session.user.id, session.id);
  await setFlash("success", count === 1 ? "Signed out of 1 other session." : `Signed out of ${count} other sessions.`);
  redirect(PROFILE);
});
