import { reportSignInByLink } from "@/lib/sign-in-alerts/report";
import { SIGN_IN_REPORTED_FLASH } from "@/lib/sign-in-alerts/messages";
import { setFlash } from "@/lib/flash/set-flash";
import { postedMailedToken, seeOther } from "@/lib/http/form-post";

// The button of /new-sign-in posts here as a plain form, with or without
// JavaScript. The mailed token in the body is the only authority this uses
// (no cookie, no session), so a forged cross-site post without it does
// nothing; middleware's Origin check applies as to every form.

export async function POST(request: Request): Promise<Response> {
  const token = await postedMailedToken(request);
  const outcome = token ? await reportSignInByLink(token) : null;
  // Used or expired while the page was open: the page without a token says so.
  if (!outcome?.ok) return seeOther("/new-sign-in");
  await setFlash("warning", SIGN_IN_REPORTED_FLASH);
  // Straight to the reset form (README "New sign-in alerts"): /reset-password
  // is sent with Referrer-Policy: strict-origin like this page.
  return seeOther(`/reset-password?${new URLSearchParams({ token: outcome.resetToken })}`);
}
