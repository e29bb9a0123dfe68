import type { z } from "zod";

/**
 * What a server action hands back to its form. Errors are per field, plus an
 * optional message for the whole form; `values` echoes what the user typed
 * (never passwords) so a failed submit loses nothing.
 */
export type FormState<Field extends string> =
  | { status: "idle" }
  | { status: "success"; message: string }
  | {
      status: "error";
      message?: string;
      fieldErrors: Partial<Record<Field, string[]>>;
      values: Partial<Record<Field, string>>;
    };

export const IDLE: FormState<never> = { status: "idle" };

export function formValues<Field extends string>(
  formData: FormData,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

export function invalidForm<Field extends string>(
  error: z.ZodError,
  echo: Partial<Record<Field, string>>,
): FormState<Field> {
  const fieldErrors: Partial<Record<Field, string[]>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as Field | undefined;
    if (field === undefined) continue;
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { status: "error", fieldErrors, values: echo };
}

export function formError<Field extends string>(error: {
  message?: string;
  fieldErrors?: Partial<Record<Field, string[]>>;
  values?: Partial<Record<Field, string>>;
}): FormState<Field> {
  return { status: "error", message: error.message, fieldErrors: error.fieldErrors ?? {}, values: error.values ?? {} };
}

export function fieldErrorsOf<Field extends string>(state: FormState<Field>): Partial<Record<Field, string[]>> {
  return state.status === "error" ? state.fieldErrors : {};
}

export function valuesOf<Field extends string>(state: FormState<Field>): Partial<Record<Field, string>> {
  return state.status === "error" ? state.values : {};
}
