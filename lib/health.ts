import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";

// A health check must answer quickly even when the database host drops packets.
const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work.catch(() => fallback), timeout]).finally(() => clearTimeout(timer));
}

export async function isDatabaseReachable(): Promise<boolean> {
  return withTimeout(
    db.$queryRaw`SELECT 1`.then(() => true),
    false,
  );
}

/**
 * Public, so it says only how mail is configured: never the size of the
 * outbox, whose growth after a reset request would tell a stranger whether
 * the address has an account.
 */
export interface MailHealth {
  /** "smtp": mail is sent; "log": SMTP_URL is not set and mail only goes to the log. */
  transport: "smtp" | "log";
}

export function mailHealth(): MailHealth {
  return { transport: serverEnv.mail.smtpUrl ? "smtp" : "log" };
}
