"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireFreshSession } from "@/lib/auth/session";
import { clearSessionCookies } from "@/lib/sessions/cookies";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm } from "@/lib/form-state";
import { deleteAccountSchema } from "@/lib/validation/delete-account";
import { DELETE_REFUSALS, deleteAccount } from "@/lib/users/delete-account";
import type { DeleteAccountState } from "@/components/delete-account-form";

const DELETE_PAGE = "/profile/delete";

export const deleteOwnAccountAction = formStateAction(handleDeleteOwnAccount);
async function handleDeleteOwnAccount(_previous: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const session = await requireFreshSession(DELETE_PAGE);
  const input = formValues(formData, ["confirmEmail"] as const);
  const parsed = deleteAccountSchema(session.user.email).safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);

  const result = await deleteAccount({ userId: session.user.id, confirmedEmail: parsed.data.confirmEmail, by: { kind: "owner" } });
  if (!result.ok) return formError({ message: DELETE_REFUSALS[result.reason], values: input });

  // The session's record went with the account; Auth.js's sign-out would audit it under the deleted id.
  await clearSessionCookies();
  await setFlash("success", `Your account was deleted, and you are signed out. A last mail went to ${result.email}. Goodbye!`);
  redirect("/");
}
