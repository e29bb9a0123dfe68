"use server";

import { formStateAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { clearSessionCookies } from "@/lib/sessions/cookies";
import { setFlash } from "@/lib/flash/set-flash";
import { formError } from "@/lib/form-state";
import { deleteAccountSchema } from "@/lib/validation/delete-account";
import { DELETE_REFUSALS, deleteAccount } from "@/lib/users/delete-account";
import type { DeleteAccountState } from "@/components/delete-account-form";

export const deleteOwnAccountAction = formStateAction(
  // The address to type is the account's own.
  { access: "fresh", page: "/profile/delete", fields: ["confirmEmail"], echo: ["confirmEmail"], schema: (session) => deleteAccountSchema(session.user.email) },
  async ({ confirmEmail }, { session, echo }): Promise<DeleteAccountState> => {
    const result = await deleteAccount({ userId: session.user.id, confirmedEmail: confirmEmail, by: { kind: "owner" } });
    if (!result.ok) return formError({ message: DELETE_REFUSALS[result.reason], values: echo });

    // The session's record went with the account; Auth.js's sign-out would audit it under the deleted id.
    await clearSessionCookies();
    await setFlash("success", `Your account was deleted, and you are signed out. A last mail went to ${result.email}. Goodbye!`);
    redirect("/");
  },
);
