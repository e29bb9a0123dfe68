/**
 * The secrets AUTH_SECRET rotation works with, in the order Auth.js v5 uses
 * them (@auth/core's setEnvDefaults): AUTH_SECRET_3, AUTH_SECRET_2,
 * AUTH_SECRET_1, then AUTH_SECRET, each only when set. Auth.js encrypts new
 * session tokens with the first and decrypts with any of them; Latchkey's
 * own encryption of TOTP secrets (lib/two-factor/encryption.ts) does the same,
 * so one rotation procedure (README, "Rotating AUTH_SECRET") covers both.
 */
export function authSecrets(env: Record<string, string | undefined> = process.env): string[] {
  const secrets: string[] = [];
  if (env.AUTH_SECRET) secrets.push(env.AUTH_SECRET);
  for (const index of [1, 2, 3]) {
    const secret = env[`AUTH_SECRET_${index}`];
    if (secret) secrets.unshift(secret);
  }
  return secrets;
}
