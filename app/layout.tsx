import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { signOutAction } from "@/app/actions/sign-out";
import { FlashMessage } from "@/components/flash-message";
import { readFlash } from "@/lib/flash/read-flash";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Latchkey", template: "%s · Latchkey" },
  description: "Sign-in done properly: accounts, sessions you can revoke, protected pages.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const flash = await readFlash();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-semibold focus:text-slate-900"
        >
          Skip to content
        </a>
        <SiteHeader signOut={signOutAction} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-10">
          {flash && <FlashMessage key={flash.id} flash={flash} />}
          {children}
        </main>
      </body>
    </html>
  );
}
