import { cancelEmailChangeByLink } from "@/lib/verification/email-change-cancel";
import { EMAIL_CHANGE_CANCELLED_FLASH } from "@/lib/recovery/messages";
import { setFlash } from "@/lib/flash/set-flash";
import { postedMailedToken, seeOther } from "@/lib/http/form-post";

// The button of /email-change/cancel posts here as a plain form, with or
// without JavaScript. The mailed token in the body is the only authority this
// uses (no cookie, no session), so a forged cross-site post without it does
// nothing; middleware's Origin check applies as to every form (the page is
// sent with Referrer-Policy: strict-origin, which keeps that Origin).

export async function POST(request: Request): Promise<Response> {
  const token = await postedMailedToken(request);
  const outcome = token ? await cancelEmailChangeByLink(token) : null;
  // Used or expired while the page was open: the page without a token says so.
  if (!outcome?.ok) return seeOther("/email-change/cancel");
  await setFlash("success", EMAIL_CHANGE_CANCELLED_FLASH);
  return seeOther("/forgot-password");
}
