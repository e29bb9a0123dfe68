import type { Metadata } from "next";
import { RegisterPageView } from "@/app/register/register-page-view";
import { ProviderButtonList } from "@/components/sign-in/provider-buttons";
import { PROVIDER_SIGN_IN_ACTIONS } from "@/app/actions/provider-sign-in-actions";
import { providersOfThisEnvironment } from "@/lib/federated/configured";

// /register prerendered for a signed-out visitor: see app/static/README.md.
// The "Sign in with …" buttons are the build's providers: a server
// configured with others gets /register rendered per request.
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Create account" };

export default function StaticRegisterPage() {
  return <RegisterPageView providers={<ProviderButtonList actions={PROVIDER_SIGN_IN_ACTIONS} providers={providersOfThisEnvironment()} />} />;
}
