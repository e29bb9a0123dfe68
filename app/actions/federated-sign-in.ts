"use server";

import { formAction } from "@/lib/actions/argument-guard";
import { startFederatedSignIn } from "@/lib/auth-js/federated-start";

// One action per provider: a button's name is React's action id, so the
// provider cannot travel as the button's value. The form they submit is the
// sign-in form's (its "Remember me" and `next` come along) or their own.

export const signInWithGitHubAction = formAction(handleGitHub);
async function handleGitHub(formData: FormData): Promise<void> {
  await startFederatedSignIn("github", formData);
}

export const signInWithGoogleAction = formAction(handleGoogle);
async function handleGoogle(formData: FormData): Promise<void> {
  await startFederatedSignIn("google", formData);
}

export const signInWithMicrosoftAction = formAction(handleMicrosoft);
async function handleMicrosoft(formData: FormData): Promise<void> {
  await startFederatedSignIn("microsoft-entra-id", formData);
}

export const signInWithOidcAction = formAction(handleOidc);
async function handleOidc(formData: FormData): Promise<void> {
  await startFederatedSignIn("oidc", formData);
}
