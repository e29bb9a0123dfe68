import { z } from "zod";
import { containsControlCharacters } from "@/lib/validation/text";
import { NAME_MAX_LENGTH } from "@/lib/validation/field-limits";


export const nameField = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`)
  .refine((name) => !containsControlCharacters(name), "Names cannot contain control characters.");
