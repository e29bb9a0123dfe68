"use server";

import { formStateAction } from "@/lib/actions/argument-guard";
import { redirect } from "next/navigation";
import { serverEnv } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { countRegistrationAttempt } from "@/lib/throttle/registration";
import { signInWithPassword } from "@/lib/auth-js/sign-in";
import { setFlash } from "@/lib/flash/set-flash";
import { currentRequestInfo } from "@/lib/request/info";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { registerSchema, type RegisterField } from "@/lib/validation/register";

export type RegisterState = FormState<RegisterField>;

export const registerAction = formStateAction(handleRegister);
async function handleRegister(_previous: RegisterState, formData: FormData): Promise<RegisterState> {
  const input = formValues(formData, ["name", "email", "password", "confirmPassword"] as const);
  const echo = { name: input.name, email: input.email };
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, echo);

  const limited = await countRegistrationAttempt();
  if (limited) return formError({ message: limited, values: echo });

  const { ip, userAgent } = await currentRequestInfo();
  const created = await createUser(parsed.data, { ip, userAgent });
  if (!created.ok) {
    return formError({
      values: echo,
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
  }

  if (serverEnv.recovery.requireEmailVerification) {
    await setFlash("success", `Your account was created. Open the link we have sent to ${created.user.email}, then sign in.`);
    redirect("/login");
  }
  const signedIn = await signInWithPassword(parsed.data.email, parsed.data.password, false);
  if (!signedIn.ok) {
    await setFlash("warning", "Your account was created. Please sign in.");
    redirect("/login");
  }
  await setFlash("success", `Welcome to Latchkey, ${created.user.name}!`);
  redirect("/dashboard");
}
