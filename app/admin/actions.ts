"use server";

import { formAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { applyAdminChange } from "@/lib/admin/change-user";
import { describeAdminChangeResult } from "@/lib/admin/changes";
import { adminUsersUrl } from "@/lib/admin/urls";
import { setFlash } from "@/lib/flash/set-flash";
import { formValues } from "@/lib/form-state";
import { adminChangeSchema } from "@/lib/validation/admin";

export const adminChangeAction = formAction(handleAdminChange);
/** A confirmed row action; always returns to the list position it came from. */
async function handleAdminChange(formData: FormData): Promise<never> {
  const parsed = adminChangeSchema.safeParse(formValues(formData, ["userId", "change", "page", "q"] as const));
  const back = parsed.success ? adminUsersUrl(parsed.data) : "/admin";
  const session = await requireAdmin(back);
  if (!parsed.success) {
    await setFlash("error", "That change could not be made. Reload the page and try again.");
    redirect(back);
  }

  const { userId, change } = parsed.data;
  const result = await applyAdminChange(session.user, userId, change);
  const { category, message } = describeAdminChangeResult(change, result);
  await setFlash(category, message);
  redirect(back);
}
