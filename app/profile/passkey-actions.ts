"use server";

import { actionWithArguments, formAction, formStateAction } from "@/lib/actions/server-action";
import { finishAddingPasskeyArguments } from "@/lib/validation/passkey-arguments";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { CurrentSession } from "@/lib/auth/session";
import { passkeyRegistrationOptions } from "@/lib/passkeys/registration";
import { addPasskey, removeOwnPasskey } from "@/lib/passkeys/changes";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, type FormState } from "@/lib/form-state";
import { CONFIRM_ADDRESS_FIRST_MESSAGE, mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { PASSKEYS_UNAVAILABLE_MESSAGE } from "@/lib/passkeys/relying-party";
import { parseWebAuthnResponse, passkeyNameSchema, type PasskeyNameField } from "@/lib/validation/passkey";

const PROFILE = "/profile";

export type AddPasskeyStart = FormState<PasskeyNameField> | { status: "ready"; passkeyName: string; options: PublicKeyCredentialCreationOptionsJSON };

/** Step one of adding a passkey: a valid name, then the creation options with a fresh challenge. */
export const startAddingPasskeyAction = formStateAction(
  { access: "fresh", page: PROFILE, fields: ["passkeyName"], echo: ["passkeyName"], schema: passkeyNameSchema },
  async ({ passkeyName }, { session, echo }): Promise<AddPasskeyStart> => {
    if (!mayAddSignInMethods(session.user)) return formError({ message: CONFIRM_ADDRESS_FIRST_MESSAGE, values: echo });
    const options = await passkeyRegistrationOptions(session.user);
    if (!options) return formError({ message: PASSKEYS_UNAVAILABLE_MESSAGE, values: echo });
    return { status: "ready", passkeyName, options };
  },
);

export type AddPasskeyResult = { ok: true } | { ok: false; message: string };

export const finishAddingPasskeyAction = actionWithArguments(finishAddingPasskeyArguments, { access: "fresh", page: PROFILE }, finishAddingPasskey);
/** Step two: the authenticator's answer, verified against the challenge of step one. */
async function finishAddingPasskey(session: CurrentSession, name: string, responseJson: string): Promise<AddPasskeyResult> {
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

// Removing a factor needs a fresh login like adding one: a stale session confirms the password first.
export const removePasskeyAction = formAction({ access: "fresh", page: PROFILE }, async (_input, { session, formData }): Promise<never> => {
  const id = formData.get("passkeyId");
  const removed = typeof id === "string" ? await removeOwnPasskey(session.user, id) : null;
  await setFlash(
    removed ? "success" : "info",
    removed ? `The passkey “${removed.name}” has been removed.` : "That passkey had already been removed.",
  );
  redirect(PROFILE);
});
