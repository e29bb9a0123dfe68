/**
 * True for Prisma's unique-constraint violation (P2002). Checked by code rather
 * than `instanceof`, because the SQLite and PostgreSQL clients each have
 * their own error classes.
 */
export function isUniqueConstraintError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
