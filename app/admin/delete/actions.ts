"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm } from "@/lib/form-state";
import { findUserById } from "@/lib/users/queries";
import { deleteAccountSchema, deleteUserIdSchema } from "@/lib/validation/delete-account";
import { DELETE_REFUSALS, deleteAccount } from "@/lib/users/delete-account";
import type { DeleteAccountState } from "@/components/delete-account-form";

export const adminDeleteUserAction = formStateAction(handleAdminDeleteUser);
async function handleAdminDeleteUser(_previous: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const input = formValues(formData, ["userId", "confirmEmail"] as const);
  const target = deleteUserIdSchema.safeParse(input);
  const page = target.success ? `/admin/delete?${new URLSearchParams({ user: target.data.userId })}` : "/admin";
  const session = await requireAdmin(page);
  const echo = { confirmEmail: input.confirmEmail };
  const user = target.success ? await findUserById(target.data.userId) : null;
  if (!user) return formError({ message: DELETE_REFUSALS.not_found, values: echo });

  const parsed = deleteAccountSchema(user.email).safeParse(echo);
  if (!parsed.success) return invalidForm(parsed.error, echo);
  const result = await deleteAccount({
    userId: user.id,
    confirmedEmail: parsed.data.confirmEmail,
    by: { kind: "admin", admin: session.user },
  });
  if (!result.ok) return formError({ message: DELETE_REFUSALS[result.reason], values: echo });

  await setFlash("success", `${result.email} was deleted; the security log keeps its records as ${result.pseudonym}.`);
  redirect("/admin");
}
