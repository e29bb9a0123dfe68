/**
 * The arguments of a server action as React encodes them (its "reply"
 * format), checked before Next.js decodes them. Decoding is where a body of
 * valid JSON can still end in a 500: a root that is not an argument list
 * (`1`, `"abc"`, `{}`), a reference to a part that was never sent (`"$1"`,
 * `"$@2"`), or a tag whose payload does not parse (`"$n…"` BigInt, `"$B…"`
 * Blob, `"$D…"` Date, Map, Set, stream, iterator, temporary and server
 * references). Latchkey's forms and components only ever send plain JSON
 * data, FormData (`"$K…"`), `undefined` and the number specials, so
 * anything else is refused here. Which arguments an action takes is
 * lib/actions/argument-guard.ts's business. Edge-safe.
 */

/** Deeper than any state or argument Latchkey sends; bounds the walk below. */
const MAX_DEPTH = 16;

const PLAIN_SPECIALS = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);

/** A string React decodes to a plain value: not a tag, an escaped `$…` string, a special, or a FormData. */
function isPlainString(value: string): boolean {
  if (!value.startsWith("$")) return true;
  return value.startsWith("$$") || PLAIN_SPECIALS.has(value) || /^\$K[0-9a-f]{1,8}$/.test(value);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Every string in the value is plain and it nests at most MAX_DEPTH deep (walked without recursion). */
function holdsOnlyPlainData(root: unknown): boolean {
  const pending: [unknown, number][] = [[root, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value === "string" && !isPlainString(value)) return false;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_DEPTH) return false;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return true;
}

/** The root of a fetch-style action call (the text body, or the multipart field "0"): a list of plain arguments. */
export function isPlainArgumentList(text: FormDataEntryValue | string | null): boolean {
  if (typeof text !== "string") return false;
  const parsed = parseJson(text);
  return parsed.ok && Array.isArray(parsed.value) && holdsOnlyPlainData(parsed.value);
}

/**
 * A form posted without JavaScript names its action in `$ACTION_ID_<id>`, or,
 * when arguments are bound to it (a `useActionState` form binds its previous
 * state), in `$ACTION_REF_<n>` with `$ACTION_<n>:0` = `{"id": …, "bound":
 * "$@<part>"}` and the bound arguments in `$ACTION_<n>:<part>`.
 */
export function hasPlainBoundArguments(form: FormData): boolean {
  for (const key of form.keys()) {
    if (!key.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
    const metadata = parseJson(String(form.get(`${prefix}0`) ?? ""));
    if (!metadata.ok || typeof metadata.value !== "object" || metadata.value === null) return false;
    const { id, bound } = metadata.value as Record<string, unknown>;
    if (typeof id !== "string") return false;
    if (bound === null) continue;
    const part = typeof bound === "string" ? /^\$@([0-9a-f]{1,8})$/.exec(bound) : null;
    if (!part?.[1] || !isPlainArgumentList(form.get(`${prefix}${parseInt(part[1], 16)}`))) return false;
  }
  return true;
}
