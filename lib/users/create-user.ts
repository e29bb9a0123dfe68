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

export type CreateUserResult = { ok: true; user: PublicUser } | { ok: false; reason: "email_taken" };

export async function createUser(input: NewUser): Promise<CreateUserResult> {
  const passwordHash = await hashPassword(input.password, serverEnv.bcryptCost);
  try {
    const user = await db.user.create({
      data: {
        name: input.name.trim(),
        email: normalizeEmail(input.email),
        passwordHash,
        role: input.role ?? "USER",
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
