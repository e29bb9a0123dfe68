// npm run user:deactivate -- --email E    (signs the user out everywhere on their next request)
// npm run user:activate -- --email E
import { parseArgs } from "node:util";
import { emailField } from "@/lib/validation/email";

const [mode, ...rest] = process.argv.slice(2);
const USAGE = `Usage: npm run user:${mode === "activate" ? "activate" : "deactivate"} -- --email <email>`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  if (mode !== "activate" && mode !== "deactivate") fail(`Unknown mode "${mode}".`);
  let email: string | undefined;
  try {
    ({ values: { email } } = parseArgs({ args: rest, options: { email: { type: "string" } }, strict: true }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = emailField.safeParse(email);
  if (!parsed.success) fail(`--email: ${parsed.error.issues[0]?.message}`);

  const { setUserActiveByEmail } = await import("@/lib/users/set-user-active");
  const { db } = await import("@/lib/db");
  const found = await setUserActiveByEmail(parsed.data, mode === "activate");
  await db.$disconnect();
  if (!found) {
    console.error(`No user has the email ${parsed.data}.`);
    process.exit(1);
  }
  console.log(`${parsed.data} is now ${mode === "activate" ? "active" : "deactivated"}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
