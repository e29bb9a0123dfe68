import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { normalizeEmail } from "@/lib/validation/email";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";
import { isUniqueConstraintError } from "@/lib/users/prisma-errors";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role?: "USER" | "ADMIN";
}

/** Where a self-service registration came from: recorded with the account, in the same transaction. */
export interface RegistrationSource {
  ip: string | null;
  userAgent: string;
}

export type CreateUserResult = { ok: true; user: PublicUser } | { ok: false; reason: "email_taken" };

/**
 * With `registeredFrom`, the "user.registered" audit record is written in the
 * same statement as the account (a nested create is one transaction), so a
 * crash can never leave an account without its record, or the reverse.
 */
export async function createUser(input: NewUser, registeredFrom?: RegistrationSource): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password, serverEnv.bcryptCost);
  try {
    const user = await db.user.create({
      data: {
        name: input.name.trim(),
        email: normalizeEmail(input.email),
        passwordHash,
        role: input.role ?? "USER",
        ...(registeredFrom && {
          auditActions: {
            create: { action: "user.registered", ip: registeredFrom.ip, userAgent: registeredFrom.userAgent || null },
          },
        }),
      },
      select: publicUserSelect,
    });
    return { ok: true, user };
  } catch (error) {
    // The unique index, not a prior lookup, decides: two simultaneous
    // registrations of one email cannot both succeed.
    if (isUniqueConstraintError(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}
