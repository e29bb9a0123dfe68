"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { requireFreshSession } from "@/lib/auth/session";
import { requestEmailChange } from "@/lib/verification/email-change";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { emailChangeSchema, type EmailChangeField } from "@/lib/validation/email-change";

export type EmailChangeState = FormState<EmailChangeField>;

const EMAIL_PAGE = "/profile/email";

export const requestEmailChangeAction = formStateAction(handleRequestEmailChange);
async function handleRequestEmailChange(_previous: EmailChangeState, formData: FormData): Promise<EmailChangeState> {
  const session = await requireFreshSession(EMAIL_PAGE);
  const input = formValues(formData, ["newEmail", "currentPassword"] as const);
  const echo = { newEmail: input.newEmail };
  const parsed = emailChangeSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, echo);

  const outcome = await requestEmailChange(session.user, parsed.data.newEmail, parsed.data.currentPassword);
  if (!outcome.ok) return formError({ fieldErrors: { [outcome.field]: [outcome.message] }, values: echo });

  await setFlash("success", `We have sent a confirmation link to ${parsed.data.newEmail}. Your email changes when you open it.`);
  redirect("/profile");
}
