"use server";

import { actionWithArguments, formAction } from "@/lib/actions/argument-guard";
import { finishAddingPasskeyArguments } from "@/lib/validation/passkey-arguments";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { requireFreshSession, requireSession } from "@/lib/auth/session";
import { passkeyRegistrationOptions, registerPasskey } from "@/lib/passkeys/registration";
import { removePasskey } from "@/lib/passkeys/store";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { setFlash } from "@/lib/flash/set-flash";
import { formValues, invalidForm, type FormState } from "@/lib/form-state";
import { parseWebAuthnResponse, passkeyNameSchema, type PasskeyNameField } from "@/lib/validation/passkey";

const PROFILE = "/profile";

export type AddPasskeyStart = FormState<PasskeyNameField> | { status: "ready"; passkeyName: string; options: PublicKeyCredentialCreationOptionsJSON };

export const startAddingPasskeyAction = formAction(handleStartAddingPasskey);
/** Step one of adding a passkey: a valid name, then the creation options with a fresh challenge. */
async function handleStartAddingPasskey(formData: FormData): Promise<AddPasskeyStart> {
  const session = await requireFreshSession(PROFILE);
  const input = formValues(formData, ["passkeyName"] as const);
  const parsed = passkeyNameSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  return { status: "ready", passkeyName: parsed.data.passkeyName, options: await passkeyRegistrationOptions(session.user) };
}

export type AddPasskeyResult = { ok: true } | { ok: false; message: string };

export const finishAddingPasskeyAction = actionWithArguments(finishAddingPasskeyArguments, handleFinishAddingPasskey);
/** Step two: the authenticator's answer, verified against the challenge of step one. */
async function handleFinishAddingPasskey(name: string, responseJson: string): Promise<AddPasskeyResult> {
  const session = await requireFreshSession(PROFILE);
  const parsedName = passkeyNameSchema.safeParse({ passkeyName: name });
  const response = parseWebAuthnResponse<RegistrationResponseJSON>(responseJson);
  if (!parsedName.success || !response) return { ok: false, message: "The passkey could not be added. Please try again." };
  const result = await registerPasskey(session.user, parsedName.data.passkeyName, response);
  if (!result.ok) return result;
  await recordAuditEvent({ action: "passkey.added", actorId: session.user.id, detail: parsedName.data.passkeyName });
  await setFlash("success", `Passkey “${parsedName.data.passkeyName}” added.`);
  revalidatePath(PROFILE);
  return { ok: true };
}

export const removePasskeyAction = formAction(handleRemovePasskey);
async function handleRemovePasskey(formData: FormData): Promise<never> {
  const session = await requireSession(PROFILE);
  const id = formData.get("passkeyId");
  const removed = typeof id === "string" ? await removePasskey(session.user.id, id) : null;
  if (removed) await recordAuditEvent({ action: "passkey.removed", actorId: session.user.id, detail: removed.name });
  await setFlash(
    removed ? "success" : "info",
    removed ? `The passkey “${removed.name}” has been removed.` : "That passkey had already been removed.",
  );
  redirect(PROFILE);
}
