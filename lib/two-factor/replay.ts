import "server-only";
import { db } from "@/lib/db";

/**
 * RFC 6238 §5.2: a verifier must not accept a code a second time. Each
 * accepted code claims its time step with one conditional UPDATE: it applies
 * only while the stored step is older, so of two requests racing with the
 * same code exactly one changes the row, and a code of an earlier step than
 * one already used is refused as well.
 */
export async function claimTimeStep(userId: string, step: number): Promise<boolean> {
  const { count } = await db.totpCredential.updateMany({
    where: { userId, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1;
}
