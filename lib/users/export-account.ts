import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { describeAuditAction } from "@/lib/audit/actions";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { changeNoticeParams } from "@/lib/mail/change-notice";
import { enqueueMail } from "@/lib/mail/outbox";
import { describeDevice } from "@/lib/request/describe-device";
import type { PublicUser } from "@/lib/users/public-user";

export const EXPORT_FILE_NAME = "latchkey-export.json";

/**
 * What "Download my data" hands the owner: what the account holds and what
 * happened to it, in plain JSON. Columns are chosen one by one, so no secret
 * can slip in: never the password hash, a key or token hash, the TOTP
 * secret, recovery codes, passkey public keys, session ids or Auth.js's
 * provider tokens.
 */
export interface AccountExport {
  format: "latchkey-export/1";
  exportedAt: string;
  app: string;
  profile: {
    id: string;
    name: string;
    email: string;
    emailConfirmedAt: string | null;
    pendingEmail: string | null;
    role: string;
    active: boolean;
    createdAt: string;
    updatedAt: string;
    lastSignInAt: string | null;
  };
  sessions: {
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    revokedAt: string | null;
    remember: boolean;
    method: string;
    device: string;
    userAgent: string;
    ip: string | null;
  }[];
  apiKeys: { name: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }[];
  passkeys: { name: string; createdAt: string; lastUsedAt: string | null; synced: boolean }[];
  twoFactor: { authenticatorApp: boolean; enabledAt: string | null; recoveryCodesLeft: number };
  /** The connected sign-in providers, with when each was linked and last used. */
  connectedAccounts: { provider: string; type: string; linkedAt: string; lastUsedAt: string | null }[];
  /** The audit events where the account acted or was acted on, newest first. */
  auditEvents: {
    at: string;
    action: string;
    description: string;
    role: "actor" | "target" | "both";
    detail: string | null;
    ip: string | null;
    userAgent: string | null;
  }[];
}

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

const EXPORTED_USER = {
  id: true,
  name: true,
  email: true,
  emailVerified: true,
  pendingEmail: true,
  role: true,
  active: true,
  createdAt: true,
  updatedAt: true,
  lastLoginAt: true,
  loginSessions: {
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, remember: true, method: true, userAgent: true, ip: true },
  },
  apiKeys: { orderBy: { createdAt: "desc" }, select: { name: true, createdAt: true, lastUsedAt: true, revokedAt: true } },
  passkeys: { orderBy: { createdAt: "desc" }, select: { name: true, createdAt: true, lastUsedAt: true, backedUp: true } },
  totp: { select: { enabledAt: true } },
  recoveryCodes: { where: { usedAt: null }, select: { id: true } },
  accounts: { select: { provider: true, type: true, createdAt: true, lastUsedAt: true } },
} as const;

function findExportedUser(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: EXPORTED_USER });
}

type ExportedUser = NonNullable<Awaited<ReturnType<typeof findExportedUser>>>;

function profileOf(user: ExportedUser): AccountExport["profile"] {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailConfirmedAt: isoOrNull(user.emailVerified),
    pendingEmail: user.pendingEmail,
    role: user.role,
    active: user.active,
    createdAt: iso(user.createdAt),
    updatedAt: iso(user.updatedAt),
    lastSignInAt: isoOrNull(user.lastLoginAt),
  };
}

function sessionsOf(user: ExportedUser): AccountExport["sessions"] {
  return user.loginSessions.map((session) => ({
    createdAt: iso(session.createdAt),
    lastSeenAt: iso(session.lastSeenAt),
    expiresAt: iso(session.expiresAt),
    revokedAt: isoOrNull(session.revokedAt),
    remember: session.remember,
    method: session.method,
    device: describeDevice(session.userAgent),
    userAgent: session.userAgent,
    ip: session.ip,
  }));
}

/** Every way in the account has besides its password: API keys, passkeys, the authenticator app, providers. */
function waysInOf(user: ExportedUser): Pick<AccountExport, "apiKeys" | "passkeys" | "twoFactor" | "connectedAccounts"> {
  const totpOn = Boolean(user.totp?.enabledAt);
  return {
    apiKeys: user.apiKeys.map((key) => ({
      name: key.name,
      createdAt: iso(key.createdAt),
      lastUsedAt: isoOrNull(key.lastUsedAt),
      revokedAt: isoOrNull(key.revokedAt),
    })),
    passkeys: user.passkeys.map((passkey) => ({
      name: passkey.name,
      createdAt: iso(passkey.createdAt),
      lastUsedAt: isoOrNull(passkey.lastUsedAt),
      synced: passkey.backedUp,
    })),
    twoFactor: {
      authenticatorApp: totpOn,
      enabledAt: totpOn ? isoOrNull(user.totp?.enabledAt ?? null) : null,
      recoveryCodesLeft: totpOn ? user.recoveryCodes.length : 0,
    },
    connectedAccounts: user.accounts.map((account) => ({
      provider: account.provider,
      type: account.type,
      linkedAt: iso(account.createdAt),
      lastUsedAt: isoOrNull(account.lastUsedAt),
    })),
  };
}

async function auditEventsOf(userId: string): Promise<AccountExport["auditEvents"]> {
  const events = await db.auditEvent.findMany({
    where: { OR: [{ actorId: userId }, { targetUserId: userId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, action: true, actorId: true, targetUserId: true, detail: true, ip: true, userAgent: true },
  });
  return events.map((event) => ({
    at: iso(event.createdAt),
    action: event.action,
    description: describeAuditAction(event.action),
    role: event.actorId === userId ? (event.targetUserId === userId ? "both" : "actor") : "target",
    detail: event.detail,
    ip: event.ip,
    userAgent: event.userAgent,
  }));
}

export async function buildAccountExport(userId: string, now = new Date()): Promise<AccountExport | null> {
  const user = await findExportedUser(userId);
  if (!user) return null;
  return {
    format: "latchkey-export/1",
    exportedAt: iso(now),
    app: serverEnv.appName,
    profile: profileOf(user),
    sessions: sessionsOf(user),
    ...waysInOf(user),
    auditEvents: await auditEventsOf(userId),
  };
}

/**
 * The owner downloads their data (a fresh session is the caller's check):
 * recorded in the audit log and mailed to the owner, so a stolen session
 * that takes a copy does not go unseen.
 */
export async function exportAccount(user: PublicUser): Promise<string | null> {
  const data = await buildAccountExport(user.id);
  if (!data) return null;
  await recordAuditEvent({ action: "account.exported", actorId: user.id });
  await enqueueMail("account_exported", user.email, await changeNoticeParams(user.name, EXPORT_FILE_NAME));
  return `${JSON.stringify(data, null, 2)}\n`;
}
