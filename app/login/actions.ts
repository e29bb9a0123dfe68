"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { signInWithPassword } from "@/lib/auth-js/sign-in";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { signInLanding } from "@/lib/account-review/landing";
import { beginPendingStep } from "@/lib/two-factor/login-challenge";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { loginSchema, type LoginField } from "@/lib/validation/login";

export type LoginState = FormState<LoginField>;

export const signInAction = formStateAction(handleSignIn);
async function handleSignIn(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const input = formValues(formData, ["email", "password", "remember"] as const);
  const echo = { email: input.email, remember: input.remember };
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, echo);

  const { email, password, remember } = parsed.data;
  const outcome = await signInWithPassword(email, password, remember);
  const next = safeNextPath(formData.get("next"));
  if (!outcome.ok && "secondFactorFor" in outcome) {
    await beginPendingStep("sign-in", outcome.secondFactorFor, { remember, next, sessionId: null });
    redirect("/login/two-factor");
  }
  if (!outcome.ok) return formError({ message: outcome.message, values: echo });

  redirect(await signInLanding({ email }, next));
}
