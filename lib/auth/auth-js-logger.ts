// From @auth/core, whose classes next-auth re-exports: importable outside Next.js (unit tests).
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import type { NextAuthConfig } from "next-auth";

export interface AuthJsLine {
  level: "debug" | "warn" | "error";
  fields: Record<string, unknown>;
  msg: string;
}

// Errors a request causes (a stale cookie, a form posted without its CSRF
// token): worth a line, not a stack trace.
const REQUEST_ERRORS = new Set([
  "AccessDenied",
  "InvalidCallbackUrl",
  "InvalidCheck",
  "JWTSessionError",
  "MissingCSRF",
  "SessionTokenError",
  "UnknownAction",
  "Verification",
]);

function firstLine(message: string): string {
  return message.split("\n")[0] ?? "";
}

/** What to log for an error Auth.js reports. Exported for its unit test. */
export function describeAuthJsError(error: Error): AuthJsLine {
  const type = error instanceof AuthError ? error.type : error.name;
  if (error instanceof CredentialsSignin) {
    // A refused sign-in (wrong password, lock, second factor needed): the
    // audit event's line already says which, once.
    return { level: "debug", fields: { authError: type, code: error.code }, msg: "Auth.js refused a credentials sign-in" };
  }
  if (REQUEST_ERRORS.has(type)) return { level: "warn", fields: { authError: type }, msg: `Auth.js: ${type}: ${firstLine(error.message)}` };
  // A fault of ours (an exception in authorize, a database outage): keep
  // the stack of what was thrown, which Auth.js wraps as cause.err.
  const cause = error.cause as { err?: unknown } | undefined;
  const err = cause?.err instanceof Error ? cause.err : error;
  return { level: "error", fields: { authError: type, err }, msg: `Auth.js: ${type}: ${firstLine(err.message)}` };
}

/**
 * Auth.js's `logger` option, writing each report as one line through
 * `write`. Debug reports come only with Auth.js's `debug` on, and their
 * metadata (a request's body, a session) is left out: it can hold a password.
 */
export function authJsLogger(write: (line: AuthJsLine) => void): NonNullable<NextAuthConfig["logger"]> {
  return {
    error: (error) => write(describeAuthJsError(error)),
    warn: (code) => write({ level: "warn", fields: { authWarning: code }, msg: `Auth.js warning: ${code}` }),
    debug: (message) => write({ level: "debug", fields: {}, msg: `Auth.js: ${message}` }),
  };
}
