"use server";

import { actionWithArguments, formAction } from "@/lib/actions/argument-guard";
import { finishAddingPasskeyArguments } from "@/lib/validation/passkey-arguments";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { requireFreshSession } from "@/lib/auth/session";
import { passkeyRegistrationOptions } from "@/lib/passkeys/registration";
import { addPasskey, removeOwnPasskey } from "@/lib/passkeys/changes";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { CONFIRM_ADDRESS_FIRST_MESSAGE, mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { PASSKEYS_UNAVAILABLE_MESSAGE } from "@/lib/passkeys/relying-party";
import { parseWebAuthnResponse, passkeyNameSchema, type PasskeyNameField } from "@/lib/validation/passkey";

const PROFILE = "/profile";

export type AddPasskeyStart = FormState<PasskeyNameField> | { status: "ready"; passkeyName: string; options: PublicKeyCredentialCreationOptionsJSON };

export const startAddingPasskeyAction = formAction(handleStartAddingPasskey);
/** Step one of adding a passkey: a valid name, then the creation options with a fresh challenge. */
async function handleStartAddingPasskey(formData: FormData): Promise<AddPasskeyStart> {
  const session = await requireFreshSession(PROFILE);
  const input = formValues(formData, ["passkeyName"] as const);
  if (!mayAddSignInMethods(session.user)) return formError({ message: CONFIRM_ADDRESS_FIRST_MESSAGE, values: input });
  const parsed = passkeyNameSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  const options = await passkeyRegistrationOptions(session.user);
  if (!options) return formError({ message: PASSKEYS_UNAVAILABLE_MESSAGE, values: input });
  return { status: "ready", passkeyName: parsed.data.passkeyName, options };
}

export type AddPasskeyResult = { ok: true } | { ok: false; message: string };

export const finishAddingPasskeyAction = actionWithArguments(finishAddingPasskeyArguments, handleFinishAddingPasskey);
/** Step two: the authenticator's answer, verified against the challenge of step one. */
async function handleFinishAddingPasskey(name: string, responseJson: string): Promise<AddPasskeyResult> {
  const session = await requireFreshSession(PROFILE);
  if (!mayAddSignInMethods(session.user)) return { ok: false, message: CONFIRM_ADDRESS_FIRST_MESSAGE };
  const parsedName = passkeyNameSchema.safeParse({ passkeyName: name });
  const response = parseWebAuthnResponse<RegistrationResponseJSON>(responseJson);
  if (!parsedName.success || !response) return { ok: false, message: "The passkey could not be added. Please try again." };
  const result = await addPasskey(session.user, parsedName.data.passkeyName, response);
  if (!result.ok) return result;
  await setFlash("success", `Passkey “${parsedName.data.passkeyName}” added.`);
  revalidatePath(PROFILE);
  return { ok: true };
}

export const removePasskeyAction = formAction(handleRemovePasskey);
async function handleRemovePasskey(formData: FormData): Promise<never> {
  // Removing a factor needs a fresh login like adding one: a stale session confirms the password first.
  const session = await requireFreshSession(PROFILE);
  const id = formData.get("passkeyId");
  const removed = typeof id === "string" ? await removeOwnPasskey(session.user, id) : null;
  await setFlash(
    removed ? "success" : "info",
    removed ? `The passkey “${removed.name}” has been removed.` : "That passkey had already been removed.",
  );
  redirect(PROFILE);
}
