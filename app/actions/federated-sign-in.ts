"use server";

import { formAction } from "@/lib/actions/server-action";
import { startFederatedSignIn } from "@/lib/auth-js/federated-start";

// One action per provider: a button's name is React's action id, so the
// provider cannot travel as the button's value. The form they submit is the
// sign-in form's (its "Remember me" and `next` come along) or their own.
const FROM_SIGN_IN = { access: "anyone", page: "/login" } as const;

export const signInWithGitHubAction = formAction(FROM_SIGN_IN, (_input, { formData }) => startFederatedSignIn("github", formData));

export const signInWithGoogleAction = formAction(FROM_SIGN_IN, (_input, { formData }) => startFederatedSignIn("google", formData));

export const signInWithMicrosoftAction = formAction(FROM_SIGN_IN, (_input, { formData }) => startFederatedSignIn("microsoft-entra-id", formData));

export const signInWithOidcAction = formAction(FROM_SIGN_IN, (_input, { formData }) => startFederatedSignIn("oidc", formData));
