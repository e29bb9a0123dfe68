import "server-only";
import { serverEnv } from "@/lib/env";

/**
 * Token and cookie lifetime: the longest a session can last ("Remember me").
 * The session record decides, on every request, whether it still does.
 */
export function sessionCookieMaxAgeSeconds(): number {
  return serverEnv.sessionPolicy.rememberDays * 24 * 60 * 60;
}
