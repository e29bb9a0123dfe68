import { expect } from "@playwright/test";
import { randomClientIp } from "../support/client-address";
import { sql } from "../support/database";
import { signInOverRawHttp } from "../support/http-client.mjs";
import type { Attempt } from "../support/load";

interface StoredUser {
  id: string;
  email: string;
  passwordHash: string;
  registered: number | string;
  signIns: number | string;
}

/**
 * What the database holds for the load's users, after the server went down
 * however it did: every registration answered with success is there and
 * signs in (on `baseURL`, a server started afterwards), with its
 * "user.registered" record; every one that was not answered is either wholly
 * there or not at all; and each answered sign-in left its audit record.
 */
export async function expectNothingLost(attempts: Attempt[], baseURL: string): Promise<{ registered: number; stored: number }> {
  const emails = [...new Set(attempts.filter((a) => a.kind === "register").map((a) => a.email))];
  const stored = new Map<string, StoredUser>();
  // In slices: SQLite allows a limited number of parameters per statement.
  for (let i = 0; i < emails.length; i += 200) {
    const slice = emails.slice(i, i + 200);
    const rows = await sql<StoredUser>(
      `SELECT u."id", u."email", u."passwordHash",
              (SELECT COUNT(*) FROM "AuditEvent" a WHERE a."actorId" = u."id" AND a."action" = 'user.registered') AS "registered",
              (SELECT COUNT(*) FROM "AuditEvent" a WHERE a."actorId" = u."id" AND a."action" = 'sign_in.succeeded') AS "signIns"
       FROM "User" u WHERE u."email" IN (${slice.map((_, n) => `$${n + 1}`).join(", ")})`,
      slice,
    );
    for (const row of rows) stored.set(row.email, row);
  }

  const answered = attempts.filter((a) => a.kind === "register" && a.result === "ok");
  for (const registration of answered) {
    const user = stored.get(registration.email);
    expect(user, `${registration.email} was answered "registered" and is stored`).toBeDefined();
  }
  for (const user of stored.values()) {
    // Whole or absent: the hash and the registration record were written with the account.
    expect(user.passwordHash, `${user.email}: a bcrypt hash`).toMatch(/^\$2[aby]\$\d\d\$/);
    expect(Number(user.registered), `${user.email}: one "user.registered" record`).toBe(1);
    const password = attempts.find((a) => a.email === user.email)?.password ?? "";
    const signedIn = await signInOverRawHttp(baseURL, { email: user.email, password }, { ip: randomClientIp() });
    expect(signedIn.ok, `${user.email} signs in after the restart`).toBe(true);
    // Registration signs in once, and so did each sign-in answered with success; the check above added one more.
    const answeredSignIns = attempts.filter((a) => a.email === user.email && a.kind === "sign-in" && a.result === "ok").length;
    const registeredAnswered = answered.some((a) => a.email === user.email) ? 1 : 0;
    expect(Number(user.signIns), `${user.email}: a "sign_in.succeeded" record for each answered sign-in`).toBeGreaterThanOrEqual(
      answeredSignIns + registeredAnswered,
    );
  }
  return { registered: answered.length, stored: stored.size };
}
