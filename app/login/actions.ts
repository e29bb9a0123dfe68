"use server";

import { formStateAction } from "@/lib/actions/server-action";
import { redirect } from "next/navigation";
import { signInWithPassword } from "@/lib/sign-in/password";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { signInLanding } from "@/lib/account-review/landing";
import { beginPendingStep } from "@/lib/two-factor/login-challenge";
import { formError, type FormState } from "@/lib/form-state";
import { loginSchema, type LoginField } from "@/lib/validation/login";

export type LoginState = FormState<LoginField>;

export const signInAction = formStateAction(
  { access: "anyone", page: "/login", fields: ["email", "password", "remember"], echo: ["email", "remember"], schema: loginSchema },
  async ({ email, password, remember }, { formData, echo }): Promise<LoginState> => {
    const signIn = await signInWithPassword(email, password, remember);
    if (signIn.step === "refused") return formError({ message: signIn.message, values: echo });
    const next = safeNextPath(formData.get("next"));
    if (signIn.step === "second-factor") {
      await beginPendingStep("sign-in", signIn.user.id, { remember, next, sessionId: null });
      redirect("/login/two-factor");
    }
    redirect(await signInLanding(signIn.user, next));
  },
);
