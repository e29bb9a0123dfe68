import { notFound } from "next/navigation";
import { z } from "zod";

/**
 * Under every server action (lib/actions/server-action.ts wraps each in one
 * of these, and eslint.config.mjs refuses any other export from a "use
 * server" file). A server action is a public
 * endpoint: anyone can post its id with any arguments React's wire format
 * carries (`[]`, `[1, 2]`, a string where the form goes, a forged previous
 * state), and an action written for a FormData would throw on them, which
 * Next.js answers with a 500. The guard checks the arguments' shape before
 * the action runs and answers anything else with a 404, as Next.js answers an
 * action id it does not have. (Of Next.js's interrupts only `notFound()` keeps
 * its status for a form posted without JavaScript: `forbidden()` and
 * `unauthorized()` become a 404 page there anyway.) What the fields say is
 * still each action's zod schema's business.
 */

const formDataSchema = z.instanceof(FormData);

/**
 * The previous state React hands a `useActionState` action: whatever the
 * action returned last, or the form's initial state, and in every case an
 * object with a `status` (lib/form-state.ts). Only this outline is checked;
 * the actions do not read it.
 */
const previousStateSchema = z.looseObject({ status: z.string() });

type Action<Args extends unknown[], Result> = (...args: Args) => Promise<Result>;

const formArguments = z.tuple([formDataSchema]);
const formStateArguments = z.tuple([previousStateSchema, formDataSchema]);

function refuseUnless(schema: z.ZodType, args: unknown[]): void {
  if (!schema.safeParse(args).success) notFound();
}

/** An action whose arguments must match `schema`, a zod tuple; nothing else reaches it. */
export function withArguments<Schema extends z.ZodTuple, Result>(
  schema: Schema,
  action: Action<z.output<Schema>, Result>,
): Action<z.input<Schema>, Result> {
  return async (...args) => {
    const parsed = schema.safeParse(args);
    if (!parsed.success) notFound();
    return action(...parsed.data);
  };
}

/** `<form action={…}>`: one FormData. */
export function withFormArguments<Result>(action: Action<[formData: FormData], Result>): Action<[formData: FormData], Result> {
  return async (...args) => {
    refuseUnless(formArguments, args);
    return action(...args);
  };
}

/** `useActionState(…)`: the previous state, then the FormData. */
export function withFormStateArguments<State, Result>(
  action: Action<[previous: State, formData: FormData], Result>,
): Action<[previous: State, formData: FormData], Result> {
  return async (...args) => {
    refuseUnless(formStateArguments, args);
    return action(...args);
  };
}
