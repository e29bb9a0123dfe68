import type { Metadata } from "next";
import { LoginPageView } from "@/app/login/login-page-view";

// /login prerendered for a signed-out visitor with no `next` and no error:
// see app/static/README.md. The passkey options carry a fresh challenge and
// depend on the running server's settings, so this page asks for them once
// it runs (a passkey needs JavaScript anyway). No "Sign in with …" buttons:
// with any provider configured, /login is rendered per request.
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Sign in" };

export default function StaticLoginPage() {
  return <LoginPageView passkeyOptions="on-demand" />;
}
