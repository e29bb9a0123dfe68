const MAX_NEXT_LENGTH = 2048;
const ORIGIN = "http://latchkey.invalid";

/**
 * Returns `value` when it is a path on this site that is safe to redirect to
 * after sign-in, otherwise null. Rejects absolute URLs, protocol-relative
 * `//host`, backslash tricks browsers read as `//host`, `javascript:` and
 * other schemes, control characters, and any of these hidden behind
 * percent-encoding.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_NEXT_LENGTH) return null;
  if (!isSafePath(value)) return null;

  let decoded = value;
  // Check every decoding layer, so "%2F%2Fevil" or "%252F%252Fevil" is as
  // unwelcome as "//evil" to any server or proxy that decodes before routing.
  for (let layer = 0; layer < 3; layer++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return null;
    }
    if (next === decoded) break;
    if (!isSafePath(next)) return null;
    decoded = next;
  }

  const url = new URL(value, ORIGIN);
  if (url.origin !== ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Safe as written and once dot segments are resolved: "/..//evil" and
 * "/.//evil" resolve to the protocol-relative "//evil".
 */
function isSafePath(path: string): boolean {
  return isSafePathText(path) && isSafePathText(new URL(path, ORIGIN).pathname);
}

function isSafePathText(path: string): boolean {
  if (!path.startsWith("/")) return false;
  if (path.startsWith("//")) return false;
  if (path.includes("\\")) return false;
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  return true;
}
