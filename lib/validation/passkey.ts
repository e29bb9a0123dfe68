import { z } from "zod";
import { containsControlCharacters } from "@/lib/validation/text";
import { PASSKEY_NAME_MAX_LENGTH } from "@/lib/validation/field-limits";

export { PASSKEY_NAME_MAX_LENGTH };

export const passkeyNameSchema = z.object({
  // Not "name": /profile already has a field of that name (and its id).
  passkeyName: z
    .string({ error: "Give the passkey a name." })
    .trim()
    .min(1, "Give the passkey a name, such as the device it is on.")
    .max(PASSKEY_NAME_MAX_LENGTH, `Use at most ${PASSKEY_NAME_MAX_LENGTH} characters.`)
    .refine((name) => !containsControlCharacters(name), "Use letters, digits, spaces and punctuation only."),
});
export type PasskeyNameField = keyof z.input<typeof passkeyNameSchema>;

/**
 * The browser's answer to a WebAuthn ceremony, as @simplewebauthn/browser
 * serialises it: checked here only for shape and size (the library verifies
 * the content), so junk gets a message rather than an exception.
 */
const webAuthnResponseSchema = z.looseObject({
  id: z.string().min(1).max(1400),
  rawId: z.string().min(1).max(1400),
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: z.string().max(10_000) }),
  clientExtensionResults: z.looseObject({}),
});

export function parseWebAuthnResponse<T>(json: unknown): T | null {
  if (typeof json !== "string" || json.length > 50_000) return null;
  try {
    const parsed = webAuthnResponseSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as T) : null;
  } catch {
    return null;
  }
}
