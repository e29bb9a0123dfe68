import "server-only";
import { isFederatedProviderId, type FederatedProviderId } from "@/lib/settings/federated-providers";
import { providerName } from "@/lib/linked-accounts/link";

/** What stood in for the password (itself, a passkey, a provider) and the second factor that followed, if one did. */
export type FirstFactor = "password" | FederatedProviderId;
export type SecondFactor = "totp" | "recovery-code";
export type SignInMethod = FirstFactor | `${FirstFactor}+${SecondFactor}` | "passkey";

const SECOND_FACTOR_WORDS: Record<SecondFactor, string> = { totp: "second factor", "recovery-code": "recovery code" };

export function signInMethod(first: FirstFactor, second?: SecondFactor): SignInMethod {
  return second ? `${first}+${second}` : first;
}

function parts(method: string): { first: string; second: SecondFactor | undefined } {
  const [first = "", second] = method.split("+");
  return { first, second: second === "totp" || second === "recovery-code" ? second : undefined };
}

/** "password", "password and recovery code", "GitHub and second factor", "passkey": for people (mails, the audit log). */
export function describeSignInMethod(method: string): string {
  const { first, second } = parts(method);
  const firstWords = first === "password" || first === "passkey" ? first : providerName(first);
  return second ? `${firstWords} and ${SECOND_FACTOR_WORDS[second]}` : firstWords;
}

/** Whether a provider stood in for the password ("github", "oidc+totp"). */
export function isProviderMethod(method: string): boolean {
  const { first } = parts(method);
  return first !== "password" && first !== "passkey";
}

/** The provider's name for a session a provider signed in ("GitHub" for "github+totp"), or null. */
export function sessionProviderLabel(method: string): string | null {
  const { first } = parts(method);
  return isFederatedProviderId(first) ? providerName(first) : null;
}
