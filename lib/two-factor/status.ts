import "server-only";
import { hasTotpEnabled } from "@/lib/two-factor/totp-factor";
import { countPasskeys } from "@/lib/passkeys/store";

export interface SecondFactorSummary {
  totp: boolean;
  passkeys: number;
}

/** The account's second factors, as /api/me reports them. */
export async function secondFactorSummary(userId: string): Promise<SecondFactorSummary> {
  const [totp, passkeys] = await Promise.all([hasTotpEnabled(userId), countPasskeys(userId)]);
  return { totp, passkeys };
}
