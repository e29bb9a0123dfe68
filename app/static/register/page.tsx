import type { Metadata } from "next";
import { RegisterPageView } from "@/app/register/register-page-view";

// /register prerendered for a signed-out visitor: see app/static/README.md.
// No "Sign in with …" buttons: with any provider configured, middleware
// serves /register rendered per request (lib/security/static-pages.ts).
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Create account" };

export default function StaticRegisterPage() {
  return <RegisterPageView />;
}
