import "server-only";
import { db } from "@/lib/db";
import { currentRequestInfo } from "@/lib/request/info";
import { hashToken } from "@/lib/security/random-token";
import { generateApiKey, looksLikeApiKey } from "@/lib/api-keys/key-format";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";

const LAST_USED_WRITE_INTERVAL_MS = 60_000;

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const summarySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true } as const;

/** The full key is returned here and nowhere else: only its hash is stored. */
export async function createApiKey(userId: string, name: string): Promise<{ key: string; summary: ApiKeySummary }> {
  const { key, prefix } = generateApiKey();
  const { ip, userAgent } = await currentRequestInfo();
  const summary = await db.apiKey.create({
    data: { userId, name, prefix, keyHash: hashToken(key), createdIp: ip, createdUserAgent: userAgent || null },
    select: summarySelect,
  });
  return { key, summary };
}

export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" }, select: summarySelect });
}

export async function revokeApiKey(userId: string, id: string): Promise<ApiKeySummary | null> {
  const key = await db.apiKey.findFirst({ where: { id, userId, revokedAt: null }, select: summarySelect });
  if (!key) return null;
  await db.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  return key;
}

/** The active user an unrevoked key belongs to, or null. */
export async function findUserByApiKey(key: string, now = new Date()): Promise<PublicUser | null> {
  if (!looksLikeApiKey(key)) return null;
  const record = await db.apiKey.findUnique({
    where: { keyHash: hashToken(key) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: publicUserSelect } },
  });
  if (!record || record.revokedAt || !record.user.active) return null;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() >= LAST_USED_WRITE_INTERVAL_MS) {
    await db.apiKey.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return record.user;
}
