import { lookupSession } from "@/lib/auth/session";
import { seeOther } from "@/lib/http/form-post";
import { loginUrlFor, reauthenticateUrlFor, sessionExpiredUrlFor } from "@/lib/auth/login-url";
import { EXPORT_FILE_NAME, exportAccount } from "@/lib/users/export-account";

const PROFILE = "/profile";

const NO_STORE = { "cache-control": "no-store" };

// "Download my data" on /profile: a POST form (middleware refuses one posted
// from another origin, so no other site can make a browser fetch the file
// or set off the mail) that needs a fresh sign-in, like any other change.
// The answer is the file itself, so it works without JavaScript.
export async function POST(): Promise<Response> {
  const lookup = await lookupSession();
  if (lookup.status === "none") return seeOther(loginUrlFor(PROFILE), NO_STORE);
  if (lookup.status === "invalid") return seeOther(sessionExpiredUrlFor(PROFILE), NO_STORE);
  if (!lookup.session.fresh) return seeOther(reauthenticateUrlFor(PROFILE), NO_STORE);

  const file = await exportAccount(lookup.session.user);
  if (file === null) return seeOther(sessionExpiredUrlFor(PROFILE), NO_STORE);
  return new Response(file, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${EXPORT_FILE_NAME}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
