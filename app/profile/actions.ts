"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { changeUserPassword, updateUserName } from "@/lib/users/update-user";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import {
  changePasswordSchema,
  updateNameSchema,
  type ChangePasswordField,
  type UpdateNameField,
} from "@/lib/validation/profile";

export type UpdateNameState = FormState<UpdateNameField>;
export type ChangePasswordState = FormState<ChangePasswordField>;

export async function updateNameAction(_previous: UpdateNameState, formData: FormData): Promise<UpdateNameState> {
  const user = await requireUser("/profile");
  const input = formValues(formData, ["name"] as const);
  const parsed = updateNameSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);

  await updateUserName(user.id, parsed.data.name);
  // The name also shows in the navigation of every page.
  revalidatePath("/", "layout");
  return { status: "success", message: "Your name has been saved." };
}

export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const user = await requireUser("/profile");
  const input = formValues(formData, ["currentPassword", "newPassword", "confirmNewPassword"] as const);
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, {});

  const result = await changeUserPassword(user.id, parsed.data.currentPassword, parsed.data.newPassword);
  if (!result.ok) return formError({ fieldErrors: { currentPassword: ["Your current password is not correct."] } });
  return { status: "success", message: "Your password has been changed." };
}
