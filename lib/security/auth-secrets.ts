/**
 * The secrets AUTH_SECRET rotation works with, in the order Auth.js v5 uses
 * them (@auth/core's setEnvDefaults): AUTH_SECRET_3, AUTH_SECRET_2,
 * AUTH_SECRET_1, then AUTH_SECRET, each only when set. Auth.js encrypts new
 * session tokens with the first and decrypts with any of them; Latchkey's
 * own reading and writing of session tokens (lib/sessions/token.ts) and
 * its encryption of TOTP secrets (lib/two-factor/encryption.ts) do the same,
 * so one rotation procedure (README) covers all three. Edge-safe.
 */
export function authSecrets(env: Record<string, string | undefined> = process.env): string[] {
  // Named one by one (not env[`AUTH_SECRET_${n}`]) so bundlers and the Edge runtime see each read.
  return [env.AUTH_SECRET_3, env.AUTH_SECRET_2, env.AUTH_SECRET_1, env.AUTH_SECRET].filter(
    (secret): secret is string => Boolean(secret),
  );
}
