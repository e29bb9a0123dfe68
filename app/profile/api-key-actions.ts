"use server";

import { formAction, formStateAction } from "@/lib/actions/argument-guard";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireFreshSession, requireSession } from "@/lib/auth/session";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/registry";
import { setFlash } from "@/lib/flash/set-flash";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { formValues, invalidForm, type FormState } from "@/lib/form-state";
import { createApiKeySchema, type CreateApiKeyField } from "@/lib/validation/api-key";

const PROFILE = "/profile";

export type CreateApiKeyState = FormState<CreateApiKeyField> | { status: "created"; name: string; key: string };

export const createApiKeyAction = formStateAction(handleCreateApiKey);
async function handleCreateApiKey(_previous: CreateApiKeyState, formData: FormData): Promise<CreateApiKeyState> {
  const session = await requireFreshSession(PROFILE);
  const input = formValues(formData, ["keyName"] as const);
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);

  const { key, summary } = await createApiKey(session.user.id, parsed.data.keyName);
  await recordAuditEvent({ action: "api_key.created", actorId: session.user.id, detail: `${summary.name} (${summary.prefix}…)` });
  revalidatePath(PROFILE);
  // The only time the full key leaves the server.
  return { status: "created", name: summary.name, key };
}

export const revokeApiKeyAction = formAction(handleRevokeApiKey);
async function handleRevokeApiKey(formData: FormData): Promise<never> {
  const session = await requireSession(PROFILE);
  const id = formData.get("apiKeyId");
  const revoked = typeof id === "string" ? await revokeApiKey(session.user.id, id) : null;
  if (revoked) {
    await recordAuditEvent({ action: "api_key.revoked", actorId: session.user.id, detail: `${revoked.name} (${revoked.prefix}…)` });
  }
  await setFlash(
    revoked ? "success" : "info",
    revoked ? `The API key “${revoked.name}” has been revoked.` : "That API key had already been revoked.",
  );
  redirect(PROFILE);
}
