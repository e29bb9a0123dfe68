import "server-only";
import { db, type DbClient } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/passwords/password";
import { enqueueMail } from "@/lib/mail/outbox";
import { normalizeEmail } from "@/lib/validation/email";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";
import { isUniqueConstraintError } from "@/lib/db-errors";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role?: "USER" | "ADMIN";
  /** The operator vouches for the address (`npm run user:create`): no confirmation mail. */
  emailConfirmed?: boolean;
}

/** Where a self-service registration came from: recorded with the account, in the same transaction. */
export interface RegistrationSource {
  ip: string | null;
  userAgent: string;
}

export type CreateUserResult = { ok: true; user: PublicUser } | { ok: false; reason: "email_taken" };

/**
 * Creates the account and, unless the address is vouched for, queues its
 * confirmation mail in the same transaction: no account without its mail,
 * no mail for an account that was not created. With `registeredFrom`, the
 * "user.registered" audit record is written in that transaction too, so a
 * crash never leaves an account without its record, or the reverse.
 */
export async function createUser(input: NewUser, registeredFrom?: RegistrationSource): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password, serverEnv.bcryptCost);
  const email = normalizeEmail(input.email);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          name: input.name.trim(),
          email,
          passwordHash,
          role: input.role ?? "USER",
          emailVerified: input.emailConfirmed ? new Date() : null,
          ...(registeredFrom && {
            auditActions: {
              create: { action: "user.registered", ip: registeredFrom.ip, userAgent: registeredFrom.userAgent || null },
            },
          }),
        },
        select: publicUserSelect,
      });
      if (!input.emailConfirmed) await enqueueMail("email_verification", email, { userId: created.id }, tx);
      return created;
    });
    return { ok: true, user };
  } catch (error) {
    // The unique index, not a prior lookup, decides: two simultaneous
    // registrations of one email cannot both succeed.
    if (isUniqueConstraintError(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}

/**
 * A user made by the operator (`npm run user:create`, and the end-to-end
 * suite's operator process): the operator vouches for the address, so no
 * confirmation mail.
 */
export function createUserByOperator(args: { email: string; password: string; name: string; admin: boolean }): Promise<CreateUserResult> {
  const { email, password, name, admin } = args;
  return createUser({ email, password, name, role: admin ? "ADMIN" : "USER", emailConfirmed: true });
}

/** A new account's identity at a sign-in provider, linked as it is created. */
export interface ProviderIdentity {
  provider: string;
  providerAccountId: string;
  type: "oauth" | "oidc";
}

export interface NewProviderUser {
  name: string;
  email: string;
  /** When the provider vouched for the address; null leaves it to be confirmed by mail. */
  emailVerified: Date | null;
  identity: ProviderIdentity;
  /** The "user.registered" record, written with the account. */
  registeredFrom: RegistrationSource & { detail: string };
  now: Date;
}

/**
 * Inserts an account made through a provider (lib/federated/callback.ts),
 * with no password, its identity linked and its "user.registered" record,
 * inside the caller's transaction. A taken address or identity throws the
 * unique-constraint error.
 */
export function insertProviderUser(input: NewProviderUser, tx: DbClient): Promise<PublicUser> {
  const { identity, registeredFrom, now } = input;
  return tx.user.create({
    data: {
      name: input.name,
      email: input.email,
      emailVerified: input.emailVerified,
      auditActions: {
        create: { action: "user.registered", ip: registeredFrom.ip, userAgent: registeredFrom.userAgent || null, detail: registeredFrom.detail },
      },
      accounts: {
        create: {
          type: identity.type,
          provider: identity.provider,
          providerAccountId: identity.providerAccountId,
          createdAt: now,
          lastUsedAt: now,
        },
      },
    },
    select: publicUserSelect,
  });
}
