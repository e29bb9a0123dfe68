import type { Role } from "@/lib/generated/prisma/sqlite/enums";

/** The user fields that may leave the data layer: never the password hash. */
export const publicUserSelect = {
  id: true,
  name: true,
  email: true,
  emailVerified: true,
  role: true,
  active: true,
  createdAt: true,
  lastLoginAt: true,
} as const;

export interface PublicUser {
  id: string;
  name: string;
  email: string;
  /** When the address was confirmed through a mailed link; null until then. */
  emailVerified: Date | null;
  role: Role;
  active: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}
