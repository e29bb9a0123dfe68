"use server";

import { formStateAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { serverEnv } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { countRegistrationAttempt } from "@/lib/throttle/registration";
import { signInWithPassword } from "@/lib/sign-in/password";
import { setFlash } from "@/lib/flash/set-flash";
import { currentRequestInfo } from "@/lib/request/info";
import { formError, type FormState } from "@/lib/form-state";
import { registerSchema, type RegisterField } from "@/lib/validation/register";

export type RegisterState = FormState<RegisterField>;

export const registerAction = formStateAction(
  { access: "anyone", page: "/register", fields: ["name", "email", "password", "confirmPassword"], echo: ["name", "email"], schema: registerSchema },
  async (input, { echo }): Promise<RegisterState> => {
    const limited = await countRegistrationAttempt();
    if (limited) return formError({ message: limited, values: echo });

    const { ip, userAgent } = await currentRequestInfo();
    const created = await createUser(input, { ip, userAgent });
    if (!created.ok) {
      return formError({ values: echo, fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } });
    }

    if (serverEnv.recovery.requireEmailVerification) {
      await setFlash("success", `Your account was created. Open the link we have sent to ${created.user.email}, then sign in.`);
      redirect("/login");
    }
    // Through the password step, as a sign-in: it clears guesses made at this address before the account existed.
    const signedIn = await signInWithPassword(input.email, input.password, false);
    if (signedIn.step !== "accepted") {
      await setFlash("warning", "Your account was created. Please sign in.");
      redirect("/login");
    }
    await setFlash("success", `Welcome to Latchkey, ${created.user.name}!`);
    redirect("/dashboard");
  },
);
