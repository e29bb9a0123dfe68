import { z } from "zod";
import { containsControlCharacters } from "@/lib/validation/text";
import { API_KEY_NAME_MAX_LENGTH } from "@/lib/validation/field-limits";


export const createApiKeySchema = z.object({
  keyName: z
    .string({ error: "Give the key a name." })
    .trim()
    .min(1, "Give the key a name, such as the program that will use it.")
    .max(API_KEY_NAME_MAX_LENGTH, `Use at most ${API_KEY_NAME_MAX_LENGTH} characters.`)
    .refine((name) => !containsControlCharacters(name), "Key names cannot contain control characters."),
});
export type CreateApiKeyField = keyof z.input<typeof createApiKeySchema>;
