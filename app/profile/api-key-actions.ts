"use server";

import { formAction, formStateAction } from "@/lib/actions/argument-guard";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireFreshSession } from "@/lib/auth/session";
import { createOwnApiKey, revokeOwnApiKey } from "@/lib/api-keys/changes";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, formValues, invalidForm, type FormState } from "@/lib/form-state";
import { CONFIRM_ADDRESS_FIRST_MESSAGE, mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { createApiKeySchema, type CreateApiKeyField } from "@/lib/validation/api-key";

const PROFILE = "/profile";

export type CreateApiKeyState = FormState<CreateApiKeyField> | { status: "created"; name: string; key: string };

export const createApiKeyAction = formStateAction(handleCreateApiKey);
async function handleCreateApiKey(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const session = await requireFreshSession(PROFILE);
  const input = formValues(formData, ["keyName"] as const);
  if (!mayAddSignInMethods(session.user)) return formError({ message: CONFIRM_ADDRESS_FIRST_MESSAGE, values: input });
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);

  const { key, summary } = await createOwnApiKey(session.user, parsed.data.keyName);
  revalidatePath(PROFILE);
  // The only time the full key leaves the server.
  return { status: "created", name: summary.name, key };
}

export const revokeApiKeyAction = formAction(handleRevokeApiKey);
async function handleRevokeApiKey(formData: FormData): Promise<never> {
  // Revoking is a change of the account's keys like creating one: a stale session confirms the password first.
  const session = await requireFreshSession(PROFILE);
  const id = formData.get("apiKeyId");
  const revoked = typeof id === "string" ? await revokeOwnApiKey(session.user, id) : null;
  await setFlash(
    revoked ? "success" : "info",
    revoked ? `The API key “${revoked.name}” has been revoked.` : "That API key had already been revoked.",
  );
  redirect(PROFILE);
}
