import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { enqueueMail } from "@/lib/mail/outbox";
import { normalizeEmail } from "@/lib/validation/email";
import { publicUserSelect, type PublicUser } from "@/lib/users/public-user";
import { isUniqueConstraintError } from "@/lib/users/prisma-errors";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role?: "USER" | "ADMIN";
  /** The operator vouches for the address (`npm run user:create`): no confirmation mail. */
  emailConfirmed?: boolean;
}

export type CreateUserResult = { ok: true; user: PublicUser } | { ok: false; reason: "email_taken" };

/**
 * Creates the account and, unless the address is vouched for, queues its
 * confirmation mail in the same transaction: no account without its mail,
 * no mail for an account that was not created.
 */
export async function createUser(input: NewUser): Promise<CreateUserResult> {
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
