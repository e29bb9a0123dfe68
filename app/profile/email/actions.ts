"use server";

import { formStateAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { requestEmailChange } from "@/lib/verification/email-change";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, type FormState } from "@/lib/form-state";
import { emailChangeSchema, type EmailChangeField } from "@/lib/validation/email-change";

export type EmailChangeState = FormState<EmailChangeField>;

export const requestEmailChangeAction = formStateAction(
  { access: "fresh", page: "/profile/email", fields: ["newEmail", "currentPassword"], echo: ["newEmail"], schema: emailChangeSchema },
  async ({ newEmail, currentPassword }, { session, echo }): Promise<EmailChangeState> => {
    const outcome = await requestEmailChange(session.user, newEmail, currentPassword);
    if (!outcome.ok) return formError({ fieldErrors: { [outcome.field]: [outcome.message] }, values: echo });
    await setFlash("success", `We have sent a confirmation link to ${newEmail}. Your email changes when you open it.`);
    redirect("/profile");
  },
);
