import { formValues } from "@/lib/form-state";
import { mailedTokenSchema } from "@/lib/validation/mailed-token";

/** 303: the browser follows with a GET, whatever method brought it here. */
export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { location, ...headers } });
}

/** The token a mailed link's button posts as a plain form; null when the body is no form or the token is missing or malformed. */
export async function postedMailedToken(request: Request): Promise<string | null> {
  const form = await request.formData().catch(() => null);
  const parsed = mailedTokenSchema.safeParse(form ? formValues(form, ["token"] as const) : {});
  return parsed.success ? parsed.data.token : null;
}
