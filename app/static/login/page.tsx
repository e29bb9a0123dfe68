import type { Metadata } from "next";
import { LoginPageView } from "@/app/login/login-page-view";
import { LOGIN_FORM_ID } from "@/app/login/login-form";
import { ProviderButtonList } from "@/components/sign-in/provider-buttons";
import { PROVIDER_SIGN_IN_ACTIONS } from "@/app/actions/provider-sign-in-actions";
import { providersOfThisEnvironment } from "@/lib/federated/configured";

// /login prerendered for a signed-out visitor with no `next` and no error:
// see app/static/README.md. The passkey options carry a fresh challenge and
// depend on the running server's settings, so this page asks for them once
// it runs (a passkey needs JavaScript anyway). The "Sign in with …" buttons
// are the build's providers: a server configured with others gets /login
// rendered per request.
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Sign in" };

export default function StaticLoginPage() {
  return (
    <LoginPageView
      passkeyOptions="on-demand"
      providers={<ProviderButtonList actions={PROVIDER_SIGN_IN_ACTIONS} formId={LOGIN_FORM_ID} providers={providersOfThisEnvironment()} />}
    />
  );
}
