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

/**
 * The longest value echoed back to a form; no field accepts more. The state
 * travels back to the server with the form's next submission (React sends the
 * previous state to the action), so echoing a pasted megabyte whole would
 * double the next request and push it over the server-action body limit.
 */
export const MAX_ECHO_LENGTH = 1000;

function capEcho<Field extends string>(values: Partial<Record<Field, string>>): Partial<Record<Field, string>> {
  const capped: Partial<Record<Field, string>> = {};
  for (const [field, value] of Object.entries(values) as [Field, string | undefined][]) {
    if (value === undefined) continue;
    // Never end on half of a surrogate pair.
    capped[field] = value.length > MAX_ECHO_LENGTH ? value.slice(0, MAX_ECHO_LENGTH).replace(/[\uD800-\uDBFF]$/, "") : value;
  }
  return capped;
}

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
  return { status: "error", fieldErrors, values: capEcho(echo) };
}

export function formError<Field extends string>(error: {
  message?: string;
  fieldErrors?: Partial<Record<Field, string[]>>;
  values?: Partial<Record<Field, string>>;
}): FormState<Field> {
  return { status: "error", message: error.message, fieldErrors: error.fieldErrors ?? {}, values: capEcho(error.values ?? {}) };
}

export function fieldErrorsOf<Field extends string>(state: FormState<Field>): Partial<Record<Field, string[]>> {
  return state.status === "error" ? state.fieldErrors : {};
}

export function valuesOf<Field extends string>(state: FormState<Field>): Partial<Record<Field, string>> {
  return state.status === "error" ? state.values : {};
}
