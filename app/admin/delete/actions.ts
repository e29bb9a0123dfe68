"use server";

import { formStateActionWith } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm } from "@/lib/form-state";
import { findUserById } from "@/lib/users/queries";
import { deleteAccountSchema, deleteUserIdSchema } from "@/lib/validation/delete-account";
import { DELETE_REFUSALS, deleteAccount } from "@/lib/users/delete-account";
import type { DeleteAccountState } from "@/components/delete-account-form";

/** The confirmation page of the account the form names. */
function deletePage(formData: FormData): string {
  const target = deleteUserIdSchema.safeParse(formValues(formData, ["userId"] as const));
  return target.success ? `/admin/delete?${new URLSearchParams({ user: target.data.userId })}` : "/admin";
}

/** The address to type is the other account's, so the form's schema is known only once the account is found. */
export const adminDeleteUserAction = formStateActionWith(
  { access: "admin", page: deletePage },
  async ({ session, formData }): Promise<DeleteAccountState> => {
    const input = formValues(formData, ["userId", "confirmEmail"] as const);
    const echo = { confirmEmail: input.confirmEmail };
    const target = deleteUserIdSchema.safeParse(input);
    const user = target.success ? await findUserById(target.data.userId) : null;
    if (!user) return formError({ message: DELETE_REFUSALS.not_found, values: echo });

    const parsed = deleteAccountSchema(user.email).safeParse(echo);
    if (!parsed.success) return invalidForm(parsed.error, echo);
    const result = await deleteAccount({ userId: user.id, confirmedEmail: parsed.data.confirmEmail, by: { kind: "admin", admin: session.user } });
    if (!result.ok) return formError({ message: DELETE_REFUSALS[result.reason], values: echo });

    await setFlash("success", `${result.email} was deleted; the security log keeps its records as ${result.pseudonym}.`);
    redirect("/admin");
  },
);
