import { z } from "zod";

export const NAME_MAX_LENGTH = 100;

// Control characters (including newlines) have no place in a display name.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export const nameField = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(NAME_MAX_LENGTH, `Use at most ${NAME_MAX_LENGTH} characters.`)
  .refine((name) => !CONTROL_CHARACTERS.test(name), "Names cannot contain control characters.");
