import { z } from "zod";

// The arguments the passkey components pass to their server actions
// (lib/actions/argument-guard.ts refuses any others). The WebAuthn answer is
// the JSON text of @simplewebauthn/browser's result; parseWebAuthnResponse
// (lib/validation/passkey.ts) checks its content, safeNextPath the `next`.
const webAuthnAnswer = z.string();
const next = z.string().optional();

/** passkeySignInOptionsAction(), passkeyReauthOptionsAction() */
export const passkeyOptionsArguments = z.tuple([]);

/** finishAddingPasskeyAction(passkeyName, answer) */
export const finishAddingPasskeyArguments = z.tuple([z.string(), webAuthnAnswer]);

/** passkeySignInAction(answer, next, remember) */
export const passkeySignInArguments = z.tuple([webAuthnAnswer, next, z.boolean()]);

/** passkeyReauthAction(answer, next) */
export const passkeyReauthArguments = z.tuple([webAuthnAnswer, next]);
