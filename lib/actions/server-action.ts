import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { withArguments, withFormArguments, withFormStateArguments } from "@/lib/actions/argument-guard";
import { requireAdmin, requireFreshSession, requireSession, type CurrentSession } from "@/lib/auth/session";
import { setFlash } from "@/lib/flash/set-flash";
import type { FlashCategory } from "@/lib/flash/flash";
import { formValues, invalidForm, type FormState } from "@/lib/form-state";

/**
 * Every server action is the same three steps: the session it needs, its
 * form parsed by the form's zod schema, then one use case of lib/ whose
 * result the form renders. These wrappers do the first two (after the
 * argument guard of lib/actions/argument-guard.ts), so an action file holds
 * only what is its own: which use case, and what the page shows after it.
 */

/** Who may call the action: anyone, a signed-in user, one who signed in recently, or an admin (also recently). */
export type Access = "anyone" | "signed-in" | "fresh" | "admin";

export type SessionFor<A extends Access> = A extends "anyone" ? null : CurrentSession;

interface Gate<A extends Access> {
  access: A;
  /**
   * The page the action belongs to: where a visitor without the session it
   * needs comes back to after signing in (or confirming it's them). A
   * function when the form says, as `next` does on /reauthenticate.
   */
  page: string | ((formData: FormData) => string);
}

const SESSION_CHECKS = { "signed-in": requireSession, fresh: requireFreshSession, admin: requireAdmin } as const;

function pageOf(gate: Gate<Access>, formData: FormData): string {
  return typeof gate.page === "string" ? gate.page : gate.page(formData);
}

/** The session `access` needs; a visitor without it is sent to sign in (or confirm it's them) and back to `page`. */
async function sessionFor<A extends Access>(access: A, page: string): Promise<SessionFor<A>> {
  if (access === "anyone") return null as SessionFor<A>;
  return (await SESSION_CHECKS[access as Exclude<Access, "anyone">](page)) as SessionFor<A>;
}

/** What every use case gets: the session, the form, and its page as resolved for this form (its `next`). */
interface ActionContext<A extends Access> {
  session: SessionFor<A>;
  formData: FormData;
  page: string;
}

async function contextFor<A extends Access>(gate: Gate<A>, formData: FormData): Promise<ActionContext<A>> {
  const page = pageOf(gate, formData);
  return { session: await sessionFor(gate.access, page), formData, page };
}

export interface FormContext<A extends Access, Field extends string> extends ActionContext<A> {
  /** What the form sends back on a refusal, so the user retypes nothing (never a secret). */
  echo: Partial<Record<Field, string>>;
}

interface FormDefinition<A extends Access, Field extends string, Schema extends z.ZodType> extends Gate<A> {
  fields: readonly Field[];
  /** The fields echoed back on a refusal; none unless named. */
  echo?: readonly Field[];
  /** The form's schema, or a function of the session when the rules depend on the account (the address to type to delete it). */
  schema: Schema | ((session: SessionFor<A>) => Schema);
}

function pick<Field extends string>(values: Partial<Record<Field, string>>, names: readonly Field[] = []) {
  return Object.fromEntries(names.filter((name) => name in values).map((name) => [name, values[name]])) as Partial<Record<Field, string>>;
}

/** A `useActionState` form: a refused field comes back as its message, never as an exception. */
export function formStateAction<A extends Access, Field extends string, Schema extends z.ZodType, State extends { status: string }>(
  definition: FormDefinition<A, Field, Schema>,
  useCase: (input: z.output<Schema>, context: FormContext<A, Field>) => Promise<State>,
) {
  return withFormStateArguments(async (_previous: State | FormState<Field>, formData: FormData): Promise<State | FormState<Field>> => {
    const context = await contextFor(definition, formData);
    const values = formValues(formData, definition.fields);
    const echo = pick(values, definition.echo);
    const schema = typeof definition.schema === "function" ? definition.schema(context.session) : definition.schema;
    const parsed = schema.safeParse(values);
    if (!parsed.success) return invalidForm(parsed.error, echo);
    return useCase(parsed.data, { ...context, echo });
  });
}

/** A `useActionState` form whose rules need more than a schema (a link's token, another account's address): it reads its own fields. */
export function formStateActionWith<A extends Access, State extends { status: string }>(
  gate: Gate<A>,
  useCase: (context: ActionContext<A>) => Promise<State>,
) {
  return withFormStateArguments(async (_previous: State, formData: FormData): Promise<State> => useCase(await contextFor(gate, formData)));
}

interface ButtonDefinition<A extends Access, Field extends string, Schema extends z.ZodType> extends Gate<A> {
  /** The hidden fields a button's form carries, checked like a form's; a refusal is flashed on `page`. */
  form?: { fields: readonly Field[]; schema: Schema; refused: { category: FlashCategory; message: string } };
}

/**
 * A plain `<form action>` (a button, most often): it ends in a redirect with
 * a flash, or returns what its client component renders.
 */
export function formAction<A extends Access, Field extends string, Schema extends z.ZodType, Result>(
  definition: ButtonDefinition<A, Field, Schema>,
  useCase: (input: z.output<Schema>, context: ActionContext<A>) => Promise<Result>,
) {
  return withFormArguments(async (formData: FormData): Promise<Result> => {
    const context = await contextFor(definition, formData);
    if (!definition.form) return useCase(undefined as z.output<Schema>, context);
    const parsed = definition.form.schema.safeParse(formValues(formData, definition.form.fields));
    if (!parsed.success) {
      await setFlash(definition.form.refused.category, definition.form.refused.message);
      redirect(context.page);
    }
    return useCase(parsed.data, context);
  });
}

/** An action a client component calls with arguments (the passkey ceremonies), of the zod tuple's shape. */
export function actionWithArguments<A extends Access, Schema extends z.ZodTuple, Result>(
  schema: Schema,
  gate: Gate<A> & { page: string },
  useCase: (session: SessionFor<A>, ...args: z.output<Schema>) => Promise<Result>,
) {
  return withArguments(schema, async (...args: z.output<Schema>) => useCase(await sessionFor(gate.access, gate.page), ...args));
}
