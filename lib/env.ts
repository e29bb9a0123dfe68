import "server-only";
import { z } from "zod";
import { resolveDatabase } from "@/lib/database-url";

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  AUTH_SECRET: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  BCRYPT_COST: z.coerce
    .number({ error: "BCRYPT_COST must be a whole number" })
    .int("BCRYPT_COST must be a whole number")
    .min(10, "BCRYPT_COST must be at least 10")
    .max(15, "BCRYPT_COST must be at most 15 (16 takes seconds per sign-in)")
    .default(12),
});

export type ServerEnv = {
  isProduction: boolean;
  database: ReturnType<typeof resolveDatabase>;
  bcryptCost: number;
};

const MIN_SECRET_LENGTH = 32;

/**
 * Reads and checks the server's configuration once. Throws one readable error
 * listing every problem, so a misconfigured deployment refuses to start
 * instead of failing on the first sign-in.
 */
function loadServerEnv(source: NodeJS.ProcessEnv): ServerEnv {
  const parsed = serverEnvSchema.safeParse(source);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const isProduction = parsed.data?.NODE_ENV === "production";
  // `next build` imports server modules too; the secret is a run-time need.
  const isBuilding = source.NEXT_PHASE === "phase-production-build";
  const secret = parsed.data?.AUTH_SECRET ?? "";
  if (isProduction && !isBuilding && secret.length < MIN_SECRET_LENGTH) {
    problems.push(
      `AUTH_SECRET must be set to a random value of at least ${MIN_SECRET_LENGTH} characters in production ` +
        "(generate one with `openssl rand -base64 33`).",
    );
  }
  let database: ServerEnv["database"] | undefined;
  try {
    database = resolveDatabase(parsed.data?.DATABASE_URL);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0 || !parsed.success || !database) {
    throw new Error(`Latchkey cannot start:\n  - ${problems.join("\n  - ")}`);
  }
  return { isProduction, database, bcryptCost: parsed.data.BCRYPT_COST };
}

export const serverEnv: ServerEnv = loadServerEnv(process.env);
