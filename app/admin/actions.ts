"use server";

import { formAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { applyAdminChange } from "@/lib/admin/change-user";
import { describeAdminChangeResult } from "@/lib/admin/changes";
import { adminUsersUrl } from "@/lib/admin/urls";
import { setFlash } from "@/lib/flash/set-flash";
import { formValues } from "@/lib/form-state";
import { adminChangeSchema } from "@/lib/validation/admin";

const FIELDS = ["userId", "change", "page", "q"] as const;

/** The list position the row's form came from (its page and search); the list's start for a form that makes no sense. */
function listPosition(formData: FormData): string {
  const parsed = adminChangeSchema.safeParse(formValues(formData, FIELDS));
  return parsed.success ? adminUsersUrl(parsed.data) : "/admin";
}

/** A confirmed row action; always returns to the list position it came from. */
export const adminChangeAction = formAction(
  {
    access: "admin",
    page: listPosition,
    form: {
      fields: FIELDS,
      schema: adminChangeSchema,
      refused: { category: "error", message: "That change could not be made. Reload the page and try again." },
    },
  },
  async ({ userId, change, page, q }, { session }): Promise<never> => {
    const result = await applyAdminChange(session.user, userId, change);
    const { category, message } = describeAdminChangeResult(change, result);
    await setFlash(category, message);
    redirect(adminUsersUrl({ page, q }));
  },
);
