"use server";

import { formAction, formStateAction } from "@/lib/actions/server-action";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createOwnApiKey, revokeOwnApiKey } from "@/lib/api-keys/changes";
import { setFlash } from "@/lib/flash/set-flash";
import { formError, type FormState } from "@/lib/form-state";
import { CONFIRM_ADDRESS_FIRST_MESSAGE, mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { createApiKeySchema, type CreateApiKeyField } from "@/lib/validation/api-key";

const PROFILE = "/profile";

export type CreateApiKeyState = FormState<CreateApiKeyField> | { status: "created"; name: string; key: string };

export const createApiKeyAction = formStateAction(
  { access: "fresh", page: PROFILE, fields: ["keyName"], echo: ["keyName"], schema: createApiKeySchema },
  async ({ keyName }, { session, echo }): Promise<CreateApiKeyState> => {
    if (!mayAddSignInMethods(session.user)) return formError({ message: CONFIRM_ADDRESS_FIRST_MESSAGE, values: echo });
    const { key, summary } = await createOwnApiKey(session.user, keyName);
    revalidatePath(PROFILE);
    // The only time the full key leaves the server.
    return { status: "created", name: summary.name, key };
  },
);

// Revoking is a change of the account's keys like creating one: a stale session confirms the password first.
export const revokeApiKeyAction = formAction({ access: "fresh", page: PROFILE }, async (_input, { session, formData }): Promise<never> => {
  const id = formData.get("apiKeyId");
  const revoked = typeof id === "string" ? await revokeOwnApiKey(session.user, id) : null;
  await setFlash(
    revoked ? "success" : "info",
    revoked ? `The API key “${revoked.name}” has been revoked.` : "That API key had already been revoked.",
  );
  redirect(PROFILE);
});
