import "server-only";
import { db } from "@/lib/db";
import { listActiveSessions } from "@/lib/sessions/registry";

/** One thing that can sign in to, or act for, the account: when it was added and from where. */
export interface ReviewItem {
  id: string;
  label: string;
  addedAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface AccountInventory {
  passkeys: ReviewItem[];
  apiKeys: ReviewItem[];
  /** The authenticator app, when it is on (added = when a code turned it on). */
  authenticator: ReviewItem | null;
  sessions: (ReviewItem & { lastSeenAt: Date })[];
}

/** Everything a password reset asks the owner to review (the review page and the reset mail). */
export async function accountInventory(userId: string): Promise<AccountInventory> {
  const [passkeys, apiKeys, totp, sessions] = await Promise.all([
    db.passkey.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, createdAt: true, createdIp: true, createdUserAgent: true },
    }),
    db.apiKey.findMany({
      where: { userId, revokedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, prefix: true, createdAt: true, createdIp: true, createdUserAgent: true },
    }),
    db.totpCredential.findUnique({
      where: { userId },
      select: { enabledAt: true, enabledIp: true, enabledUserAgent: true },
    }),
    listActiveSessions(userId),
  ]);
  return {
    passkeys: passkeys.map((row) => ({
      id: row.id,
      label: row.name,
      addedAt: row.createdAt,
      ip: row.createdIp,
      userAgent: row.createdUserAgent,
    })),
    apiKeys: apiKeys.map((row) => ({
      id: row.id,
      label: `${row.name} (${row.prefix}…)`,
      addedAt: row.createdAt,
      ip: row.createdIp,
      userAgent: row.createdUserAgent,
    })),
    authenticator: totp?.enabledAt
      ? { id: "totp", label: "Authenticator app", addedAt: totp.enabledAt, ip: totp.enabledIp, userAgent: totp.enabledUserAgent }
      : null,
    sessions: sessions.map((row) => ({
      id: row.id,
      label: "Session",
      addedAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      ip: row.ip,
      userAgent: row.userAgent,
    })),
  };
}

export function inventoryIsEmpty(inventory: AccountInventory): boolean {
  const { passkeys, apiKeys, authenticator, sessions } = inventory;
  return passkeys.length + apiKeys.length + sessions.length === 0 && !authenticator;
}
