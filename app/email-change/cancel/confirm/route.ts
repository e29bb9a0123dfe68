import { cancelEmailChangeByLink } from "@/lib/verification/email-change-cancel";
import { EMAIL_CHANGE_CANCELLED_FLASH } from "@/lib/recovery/messages";
import { setFlash } from "@/lib/flash/set-flash";
import { formValues } from "@/lib/form-state";
import { cancelEmailChangeSchema } from "@/lib/validation/email-change-cancel";

// The button of /email-change/cancel posts here as a plain form, with or
// without JavaScript. Not a server action: that page is sent with
// Referrer-Policy: no-referrer, under which a browser's form post carries
// `Origin: null`, and Next.js refuses such a server action with a 500. No
// origin check is needed: the mailed token in the body is the only authority
// this uses (no cookie, no session), so a forged cross-site post without it
// does nothing.

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location } });
}

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const parsed = cancelEmailChangeSchema.safeParse(form ? formValues(form, ["token"] as const) : {});
  const outcome = parsed.success ? await cancelEmailChangeByLink(parsed.data.token) : null;
  // Used or expired while the page was open: the page without a token says so.
  if (!outcome?.ok) return seeOther("/email-change/cancel");
  await setFlash("success", EMAIL_CHANGE_CANCELLED_FLASH);
  return seeOther("/forgot-password");
}
