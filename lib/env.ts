import "server-only";
import { z } from "zod";
import { resolveDatabase } from "@/lib/database-url";
import { parseTrustProxy } from "@/lib/server/client-address.mjs";
import { parseLogLevel, type LogLevel } from "@/lib/server/log-levels.mjs";
import { parseMetricsToken, parseShutdownReadyDelay } from "@/lib/server/monitoring-settings.mjs";
import type { SessionPolicy, ThrottleLimit } from "@/lib/settings/policies";
import { readFederatedProviders, type FederatedProviderSettings } from "@/lib/settings/federated-providers";

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  AUTH_SECRET: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  BCRYPT_COST: wholeNumber("BCRYPT_COST", 10, 15).default(12),
  SESSION_IDLE_MINUTES: wholeNumber("SESSION_IDLE_MINUTES", 1, 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: wholeNumber("SESSION_ABSOLUTE_HOURS", 1, 24 * 30).default(12),
  REMEMBER_ME_DAYS: wholeNumber("REMEMBER_ME_DAYS", 1, 400).default(30),
  FRESH_LOGIN_MINUTES: wholeNumber("FRESH_LOGIN_MINUTES", 1, 24 * 60).default(10),
  SESSION_PROTECTION: z
    .enum(["strong", "basic", "off"], { error: 'SESSION_PROTECTION must be "strong", "basic" or "off"' })
    .default("strong"),
  THROTTLE_ACCOUNT_MAX_FAILURES: wholeNumber("THROTTLE_ACCOUNT_MAX_FAILURES", 1, 1000).default(5),
  THROTTLE_IP_MAX_FAILURES: wholeNumber("THROTTLE_IP_MAX_FAILURES", 1, 100_000).default(50),
  THROTTLE_WINDOW_MINUTES: wholeNumber("THROTTLE_WINDOW_MINUTES", 1, 24 * 60).default(15),
  THROTTLE_LOCK_MINUTES: wholeNumber("THROTTLE_LOCK_MINUTES", 1, 24 * 60).default(1),
  THROTTLE_MAX_LOCK_MINUTES: wholeNumber("THROTTLE_MAX_LOCK_MINUTES", 1, 7 * 24 * 60).default(60),
  REGISTRATION_LIMIT_PER_IP: wholeNumber("REGISTRATION_LIMIT_PER_IP", 1, 100_000).default(10),
  ALLOW_API_KEY_IN_QUERY: trueOrFalse("ALLOW_API_KEY_IN_QUERY"),
  // Applied by `npm start` (scripts/start.mjs, which refuses a bad value itself) before Next.js
  // sees a request; checked here too, so every other entry (`next dev`, the CLI) says the same.
  TRUST_PROXY: z.string().optional().superRefine((value, context) => {
    try {
      parseTrustProxy(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),
  APP_NAME: z.string().trim().min(1, "APP_NAME must not be empty").max(60, "APP_NAME must be at most 60 characters").default("Latchkey"),
  AUTH_URL: unsetWhenEmpty(z.url({ protocol: /^https?$/, error: "AUTH_URL must be an http:// or https:// URL" })),
  WEBAUTHN_RP_ID: unsetWhenEmpty(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, {
        error: "WEBAUTHN_RP_ID must be a domain name, e.g. example.com (no scheme, port or path)",
      }),
  ),
  SMTP_URL: unsetWhenEmpty(
    z.string().regex(/^smtps?:\/\/\S+$/, "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://mail.example.com:587"),
  ),
  MAIL_FROM: z.string().trim().min(3, "MAIL_FROM must be an address, e.g. Latchkey <no-reply@example.com>").default("Latchkey <no-reply@localhost>"),
  PASSWORD_RESET_MINUTES: wholeNumber("PASSWORD_RESET_MINUTES", 5, 24 * 60).default(30),
  PASSWORD_RESET_EMAILS_PER_HOUR: wholeNumber("PASSWORD_RESET_EMAILS_PER_HOUR", 1, 100).default(3),
  EMAIL_VERIFICATION_HOURS: wholeNumber("EMAIL_VERIFICATION_HOURS", 1, 24 * 30).default(24),
  REQUIRE_EMAIL_VERIFICATION: trueOrFalse("REQUIRE_EMAIL_VERIFICATION"),
  NEW_SIGN_IN_ALERTS: trueOrFalse("NEW_SIGN_IN_ALERTS", "true"),
  // Applied by scripts/start.mjs (which refuses a bad value itself); checked here so every entry says the same.
  METRICS_TOKEN: z.string().optional().superRefine((value, context) => checkedBy(parseMetricsToken, value, context)),
  SHUTDOWN_READY_DELAY_SECONDS: z.string().optional().superRefine((value, context) => checkedBy(parseShutdownReadyDelay, value, context)),
  // The rule scripts/start.mjs applies to its own lines too.
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return parseLogLevel(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

function checkedBy(parse: (value: string | undefined) => unknown, value: string | undefined, context: z.RefinementCtx): void {
  try {
    parse(value);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
  }
}

/** `SMTP_URL=` in an .env file means "not set". */
function unsetWhenEmpty<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

function trueOrFalse(name: string, fallback: "true" | "false" = "false") {
  return z.enum(["true", "false"], { error: `${name} must be "true" or "false"` }).default(fallback);
}

function wholeNumber(name: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);
}

export type ServerEnv = {
  isProduction: boolean;
  /** The product's name in mail, and in the authenticator app and passkey prompts. */
  appName: string;
  /**
   * The app's public origin, from AUTH_URL (http://localhost:$PORT without
   * it): every link in a mail starts with it, never with a request's Host header.
   */
  appOrigin: string;
  /** Whether AUTH_URL is set (appOrigin is then its origin, not a guess). */
  authUrlSet: boolean;
  /** WEBAUTHN_RP_ID, if set: see lib/passkeys/relying-party.ts. */
  webauthnRpId: string | null;
  database: ReturnType<typeof resolveDatabase>;
  bcryptCost: number;
  sessionPolicy: SessionPolicy;
  throttle: { account: ThrottleLimit; ip: ThrottleLimit; registration: ThrottleLimit };
  /** ALLOW_API_KEY_IN_QUERY: `?api_key=` accepted on the API (off: URLs end up in logs). */
  allowApiKeyInQuery: boolean;
  mail: MailSettings;
  recovery: RecoverySettings;
  /** NEW_SIGN_IN_ALERTS: mail the owner when a browser it has not seen signs in (lib/sign-in-alerts/). */
  newSignInAlerts: boolean;
  logLevel: LogLevel;
  /** "Sign in with …": the providers whose variables are set (lib/settings/federated-providers.ts). */
  federatedProviders: FederatedProviderSettings[];
};

export interface MailSettings {
  /** null: mail is written to the log (and /dev/outbox in development) instead of sent. */
  smtpUrl: string | null;
  from: string;
}

export interface RecoverySettings {
  passwordResetMinutes: number;
  passwordResetEmailsPerHour: number;
  emailVerificationHours: number;
  requireEmailVerification: boolean;
}

const MIN_SECRET_LENGTH = 32;

type ParsedEnv = z.output<typeof serverEnvSchema>;

/** The problems zod's field checks cannot see: settings that depend on each other, and on the phase. */
function crossFieldProblems(data: ParsedEnv | undefined, source: NodeJS.ProcessEnv): string[] {
  const isProduction = data?.NODE_ENV === "production";
  // `next build` imports server modules too; the secret is a run-time need.
  if (!isProduction || source.NEXT_PHASE === "phase-production-build") return [];
  const problems: string[] = [];
  if ((data?.AUTH_SECRET ?? "").length < MIN_SECRET_LENGTH) {
    problems.push(
      `AUTH_SECRET must be set to a random value of at least ${MIN_SECRET_LENGTH} characters in production ` +
        "(generate one with `openssl rand -base64 33`).",
    );
  }
  if (data?.SMTP_URL && !data.AUTH_URL) {
    problems.push(
      "AUTH_URL must be set when SMTP_URL is: links in mail are built from it (e.g. AUTH_URL=https://auth.example.com).",
    );
  }
  return problems;
}

function throttleSettings(data: ParsedEnv): ServerEnv["throttle"] {
  const failures = { windowMinutes: data.THROTTLE_WINDOW_MINUTES, lockMinutes: data.THROTTLE_LOCK_MINUTES, maxLockMinutes: data.THROTTLE_MAX_LOCK_MINUTES };
  return {
    account: { maxAttempts: data.THROTTLE_ACCOUNT_MAX_FAILURES, ...failures },
    ip: { maxAttempts: data.THROTTLE_IP_MAX_FAILURES, ...failures },
    // Counted per hour; an address that used them up waits out the hour.
    registration: { maxAttempts: data.REGISTRATION_LIMIT_PER_IP, windowMinutes: 60, lockMinutes: 60, maxLockMinutes: 60 },
  };
}

function settingsFrom(data: ParsedEnv, source: NodeJS.ProcessEnv, database: ServerEnv["database"], federatedProviders: ServerEnv["federatedProviders"]): ServerEnv {
  return {
    isProduction: data.NODE_ENV === "production",
    appName: data.APP_NAME,
    appOrigin: data.AUTH_URL ? new URL(data.AUTH_URL).origin : `http://localhost:${source.PORT ?? 3000}`,
    authUrlSet: Boolean(data.AUTH_URL),
    webauthnRpId: data.WEBAUTHN_RP_ID ?? null,
    database,
    bcryptCost: data.BCRYPT_COST,
    sessionPolicy: {
      idleMinutes: data.SESSION_IDLE_MINUTES,
      absoluteHours: data.SESSION_ABSOLUTE_HOURS,
      rememberDays: data.REMEMBER_ME_DAYS,
      freshMinutes: data.FRESH_LOGIN_MINUTES,
      protection: data.SESSION_PROTECTION,
    },
    throttle: throttleSettings(data),
    allowApiKeyInQuery: data.ALLOW_API_KEY_IN_QUERY === "true",
    mail: { smtpUrl: data.SMTP_URL ?? null, from: data.MAIL_FROM },
    recovery: {
      passwordResetMinutes: data.PASSWORD_RESET_MINUTES,
      passwordResetEmailsPerHour: data.PASSWORD_RESET_EMAILS_PER_HOUR,
      emailVerificationHours: data.EMAIL_VERIFICATION_HOURS,
      requireEmailVerification: data.REQUIRE_EMAIL_VERIFICATION === "true",
    },
    newSignInAlerts: data.NEW_SIGN_IN_ALERTS === "true",
    logLevel: data.LOG_LEVEL,
    federatedProviders,
  };
}

/**
 * Reads and checks the server's configuration once. Throws one readable error
 * listing every problem, so a misconfigured deployment refuses to start
 * instead of failing on the first sign-in.
 */
export function loadServerEnv(source: NodeJS.ProcessEnv): ServerEnv {
  const parsed = serverEnvSchema.safeParse(source);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  problems.push(...crossFieldProblems(parsed.data, source));
  const federated = readFederatedProviders(source);
  problems.push(...federated.problems);
  let database: ServerEnv["database"] | undefined;
  try {
    database = resolveDatabase(parsed.data?.DATABASE_URL);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0 || !parsed.success || !database) {
    throw new Error(`Latchkey cannot start:\n  - ${problems.join("\n  - ")}`);
  }
  return settingsFrom(parsed.data, source, database, federated.providers);
}

export const serverEnv: ServerEnv = loadServerEnv(process.env);
