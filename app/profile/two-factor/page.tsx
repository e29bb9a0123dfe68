import type { Metadata } from "next";
import Link from "next/link";
import { requireFreshSession } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { hasTotpEnabled, pendingTotpSecret } from "@/lib/two-factor/totp-factor";
import { countRecoveryCodesLeft } from "@/lib/two-factor/recovery-store";
import { formatSetupKey, otpauthUri } from "@/lib/two-factor/totp";
import { qrCodeDataUrl } from "@/lib/two-factor/setup-qr";
import { codesLeftSentence } from "@/lib/two-factor/mails";
import { RegenerateCodesForm, TurnOffForm, TurnOnForm } from "@/app/profile/two-factor/two-factor-forms";
import { mayAddSignInMethods } from "@/lib/verification/confirmed-address";
import { ConfirmAddressFirst } from "@/components/confirm-address-first";
import { resendConfirmationAction } from "@/app/dashboard/actions";

export const metadata: Metadata = { title: "Two-factor authentication" };

const panel = "space-y-4 rounded-xl bg-white p-6 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

export default async function TwoFactorPage() {
  const session = await requireFreshSession("/profile/two-factor");
  const { id, email } = session.user;
  const account = { appName: serverEnv.appName, email };
  const enabled = await hasTotpEnabled(id);
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <div>
        <Link href="/profile" className="text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-400">
          Back to your profile
        </Link>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">Two-factor authentication</h1>
      </div>
      {enabled ? (
        <EnabledView userId={id} account={account} />
      ) : mayAddSignInMethods(session.user) ? (
        <SetupView userId={id} account={account} />
      ) : (
        // No setup is started (no secret made) for an address nobody has confirmed.
        <section className={panel}>
          <h2 className="text-lg font-semibold">Set up an authenticator app</h2>
          <ConfirmAddressFirst email={email} resend={resendConfirmationAction} returnTo="/profile/two-factor" />
        </section>
      )}
    </div>
  );
}

async function EnabledView({ userId, account }: { userId: string; account: { appName: string; email: string } }) {
  const codesLeft = await countRecoveryCodesLeft(userId);
  return (
    <>
      <section className={panel}>
        <p className="font-semibold">Two-factor authentication is on</p>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Signing in asks for a code from your authenticator app after your password. {codesLeftSentence(codesLeft)}
        </p>
        <RegenerateCodesForm {...account} />
      </section>
      <section className={panel}>
        <h2 className="text-lg font-semibold">Turn off two-factor authentication</h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">Your password alone will sign in again.</p>
        <TurnOffForm />
      </section>
    </>
  );
}

async function SetupView({ userId, account }: { userId: string; account: { appName: string; email: string } }) {
  const secret = await pendingTotpSecret(userId);
  // Turned on in another tab since this request began.
  if (!secret) return <EnabledView userId={userId} account={account} />;
  const qr = await qrCodeDataUrl(otpauthUri(secret, account.appName, account.email));
  return (
    <section className={panel}>
      <h2 className="text-lg font-semibold">Set up an authenticator app</h2>
      <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700 dark:text-slate-300">
        <li>Open an authenticator app (such as 1Password, Google Authenticator or Aegis) and add an account.</li>
        <li>Scan the QR code, or type the setup key.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL drawn on the server; nothing to optimise */}
      <img
        src={qr}
        alt={`QR code for adding ${account.email} to an authenticator app`}
        width={192}
        height={192}
        className="rounded bg-white"
      />
      <p className="text-sm">
        Setup key: <code className="font-mono text-base tracking-wide break-all">{formatSetupKey(secret)}</code>
      </p>
      <TurnOnForm {...account} />
    </section>
  );
}
