import "server-only";
import { db } from "@/lib/db";
import { currentRequestInfo } from "@/lib/request/info";

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listPasskeys(userId: string): Promise<PasskeySummary[]> {
  return db.passkey.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
  });
}

export async function countPasskeys(userId: string): Promise<number> {
  return db.passkey.count({ where: { userId } });
}

/** What the library needs of a user's credentials: to exclude or allow them. */
export async function credentialDescriptors(userId: string): Promise<{ id: string; transports: string[] }[]> {
  const rows = await db.passkey.findMany({ where: { userId }, select: { id: true, transports: true } });
  return rows.map((row) => ({ id: row.id, transports: splitTransports(row.transports) }));
}

export function splitTransports(stored: string): string[] {
  return stored ? stored.split(",") : [];
}

export async function findPasskeyWithUser(id: string) {
  return db.passkey.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
}

export interface NewPasskey {
  id: string;
  userId: string;
  name: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
}

/** Saves the new credential with where it was added from (for the review after a reset). */
export async function savePasskey(passkey: NewPasskey): Promise<void> {
  const { ip, userAgent } = await currentRequestInfo();
  await db.passkey.create({
    data: {
      ...passkey,
      counter: BigInt(passkey.counter),
      transports: passkey.transports.join(","),
      createdIp: ip,
      createdUserAgent: userAgent || null,
    },
  });
}

/**
 * Records a use: the new counter only if the stored one is still the value
 * the signature was checked against, so two responses racing from a cloned
 * authenticator cannot both move it. False when it had changed.
 */
export async function recordPasskeyUse(
  id: string,
  previousCounter: bigint,
  use: { counter: number; backedUp: boolean; at: Date },
): Promise<boolean> {
  const { count } = await db.passkey.updateMany({
    where: { id, counter: previousCounter },
    data: { counter: BigInt(use.counter), backedUp: use.backedUp, lastUsedAt: use.at },
  });
  return count === 1;
}

/** Removes one of the user's passkeys; false when it is not theirs or already gone. */
export async function removePasskey(userId: string, id: string): Promise<{ name: string } | null> {
  const passkey = await db.passkey.findFirst({ where: { id, userId }, select: { name: true } });
  if (!passkey) return null;
  const { count } = await db.passkey.deleteMany({ where: { id, userId } });
  return count === 1 ? passkey : null;
}
