import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { currentRequestInfo } from "@/lib/request/info";
import { getCurrentSession, type CurrentSession } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/start-session";
import { confirmSession } from "@/lib/auth/confirm-session";
import { reauthenticateUrlFor } from "@/lib/auth/login-url";
import { signInLanding } from "@/lib/account-review/landing";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { setFlash } from "@/lib/flash/set-flash";
import { enqueueMail } from "@/lib/mail/outbox";
import { beginPendingStep } from "@/lib/two-factor/login-challenge";
import { hasTotpEnabled } from "@/lib/two-factor/totp-factor";
import { sendVerificationMail } from "@/lib/verification/email-verification";
import { isUniqueConstraintError } from "@/lib/db-errors";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";
import { insertProviderUser } from "@/lib/users/create-user";
import { emailField } from "@/lib/validation/email";
import { nameField } from "@/lib/validation/name";
import { federatedErrorUrl } from "@/lib/federated/messages";
import { beginPendingLink, takeIntent } from "@/lib/linked-accounts/pending";
import { findLinkedUserId, linkIdentity, LINK_REFUSALS, providerName, touchIdentity } from "@/lib/linked-accounts/link";
import type { FederatedIdentity } from "@/lib/federated/providers";

/**
 * What Auth.js's signIn callback does with an identity a provider vouched
 * for, as the path to send the browser to. Auth.js itself never gets to
 * create a user, an account row or a session: every path here ends in a
 * redirect (a string from the callback), and the session, when there is one,
 * is Latchkey's own (lib/auth/start-session.ts).
 *
 * - A Connect started from /profile by the session still signed in links
 *   the identity to that account; a re-authentication started by it
 *   confirms that session, with an identity linked to its account only. Any
 *   other callback while signed in links nothing.
 * - A linked identity signs its account in (deactivation, required email
 *   confirmation and the second factor apply as after a password).
 * - An unknown identity with an address nobody uses makes a new account.
 * - An address already in use is never linked on the provider's word: the
 *   browser goes to /login/link, and only a sign-in to that account the
 *   usual way links it (lib/linked-accounts/link.ts).
 */
export async function completeFederatedCallback(identity: FederatedIdentity): Promise<string> {
  const intent = await takeIntent();
  const current = await getCurrentSession();
  if (intent?.kind === "connect") return connect(identity, intent.sessionId, current);
  if (intent?.kind === "reauthenticate") return reauthenticate(identity, intent, current);
  // Signed in, and no Connect of this session pending: a stray callback links nothing.
  if (current) {
    await setFlash("error", "You are already signed in. Use Connect on your profile to add a sign-in provider.");
    return "/profile";
  }
  const remember = intent?.kind === "sign-in" ? intent.remember : false;
  const next = intent?.kind === "sign-in" ? intent.next : null;

  const linkedUserId = await findLinkedUserId(identity.provider, identity.providerAccountId);
  if (linkedUserId) {
    const user = await db.user.findUnique({ where: { id: linkedUserId }, select: publicUserSelect });
    if (!user) return federatedErrorUrl("failed");
    await touchIdentity(identity.provider, identity.providerAccountId);
    return signInAs(user, identity, remember, next);
  }

  const email = emailField.safeParse(identity.email ?? "");
  if (!email.success) {
    await recordAuditEvent({ action: "federated.refused", detail: `${providerName(identity.provider)}: no usable email address` });
    return federatedErrorUrl("no_email");
  }
  const existing = await db.user.findUnique({ where: { email: email.data }, select: { id: true } });
  if (existing) {
    await beginPendingLink(existing.id, {
      provider: identity.provider,
      providerAccountId: identity.providerAccountId,
      email: email.data,
      remember,
      next,
    });
    return "/login/link";
  }
  const created = await createFederatedUser(identity, email.data);
  if (!created) return federatedErrorUrl("failed");
  // An address the provider did not vouch for got its confirmation mail with the account: no second one.
  return signInAs(created, identity, remember, next, { confirmationJustSent: !identity.emailVerified });
}

async function signInAs(
  user: PublicUser,
  identity: FederatedIdentity,
  remember: boolean,
  next: string | null,
  { confirmationJustSent = false } = {},
): Promise<string> {
  const name = providerName(identity.provider);
  if (!user.active) {
    await recordAuditEvent({ action: "federated.refused", targetUserId: user.id, detail: `${name}: account deactivated` });
    return federatedErrorUrl("inactive");
  }
  if (serverEnv.recovery.requireEmailVerification && !user.emailVerified) {
    if (!confirmationJustSent) await sendVerificationMail(user, (await currentRequestInfo()).ip);
    return federatedErrorUrl("unverified");
  }
  // The provider stands in for the password, not for the second factor.
  if (await hasTotpEnabled(user.id)) {
    await beginPendingStep("sign-in", user.id, { remember, next, sessionId: null, provider: identity.provider });
    return "/login/two-factor";
  }
  await startSession(user, { method: identity.provider, remember });
  return signInLanding(user, next);
}

async function connect(
  identity: FederatedIdentity,
  sessionId: string,
  current: CurrentSession | null,
): Promise<string> {
  const name = providerName(identity.provider);
  if (!current || current.id !== sessionId) {
    await setFlash("error", `Connecting ${name} did not complete: sign in and try again.`);
    return current ? "/profile" : "/login";
  }
  const outcome = await linkIdentity(current.user, identity.provider, identity.providerAccountId);
  await setFlash(outcome.ok ? "success" : "error", outcome.ok ? `${name} was connected to your account.` : LINK_REFUSALS[outcome.reason](name));
  return "/profile";
}

/**
 * The provider's fresh login in place of the password on /reauthenticate:
 * the session is confirmed when the identity is one linked to its own
 * account, and, with an authenticator app on, after its code (the same
 * pending step as after a password).
 */
async function reauthenticate(
  identity: FederatedIdentity,
  intent: { sessionId: string; next: string },
  current: CurrentSession | null,
): Promise<string> {
  const name = providerName(identity.provider);
  const retry = reauthenticateUrlFor(intent.next);
  if (!current || current.id !== intent.sessionId) {
    await setFlash("error", `Confirming with ${name} did not complete: sign in and try again.`);
    return current ? retry : "/login";
  }
  if ((await findLinkedUserId(identity.provider, identity.providerAccountId)) !== current.user.id) {
    await recordAuditEvent({ action: "federated.refused", targetUserId: current.user.id, detail: `${name}: re-authentication with an identity not linked to this account` });
    await setFlash("error", `That ${name} account is not the one connected to your account.`);
    return retry;
  }
  await touchIdentity(identity.provider, identity.providerAccountId);
  if (await hasTotpEnabled(current.user.id)) {
    await beginPendingStep("re-authentication", current.user.id, {
      remember: false,
      next: intent.next,
      sessionId: current.id,
      provider: identity.provider,
    });
    return retry;
  }
  await confirmSession(current, name);
  await setFlash("success", "Identity confirmed.");
  return intent.next;
}

/**
 * A new account for an address nobody uses: no password, the identity
 * linked, and the address confirmed only when the provider vouches for it
 * (otherwise the confirmation mail goes out as at registration). All in one
 * transaction, with its "user.registered" record.
 */
async function createFederatedUser(identity: FederatedIdentity, email: string): Promise<PublicUser | null> {
  const { ip, userAgent } = await currentRequestInfo();
  const parsedName = nameField.safeParse(identity.name ?? "");
  const name = parsedName.success ? parsedName.data : email.split("@")[0]!.slice(0, 100);
  const now = new Date();
  try {
    return await db.$transaction(async (tx) => {
      const user = await insertProviderUser(
        {
          name,
          email,
          emailVerified: identity.emailVerified ? now : null,
          identity: {
            type: identity.provider === "github" ? "oauth" : "oidc",
            provider: identity.provider,
            providerAccountId: identity.providerAccountId,
          },
          registeredFrom: { ip, userAgent, detail: `via ${providerName(identity.provider)}` },
          now,
        },
        tx,
      );
      if (!identity.emailVerified) await enqueueMail("email_verification", email, { userId: user.id }, tx);
      return user;
    });
  } catch (error) {
    // Registered (or linked) by a racing request a moment ago: nothing of this one is kept.
    if (isUniqueConstraintError(error)) return null;
    throw error;
  }
}
