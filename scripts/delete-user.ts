// npm run user:delete -- --email E
// Deletes the account and everything of it (lib/users/delete-account.ts), as
// /profile/delete and /admin do: its audit records stay, under a pseudonym,
// and a goodbye mail is queued (sent by the running server's outbox sender).
import { parseArgs } from "node:util";
import { emailField } from "@/lib/validation/email";

const USAGE = "Usage: npm run user:delete -- --email <email>";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let email: string | undefined;
  try {
    ({ values: { email } } = parseArgs({ args: process.argv.slice(2), options: { email: { type: "string" } }, strict: true }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = emailField.safeParse(email);
  if (!parsed.success) fail(`--email: ${parsed.error.issues[0]?.message}`);

  const { db } = await import("@/lib/db");
  const { deleteAccount, DELETE_REFUSALS } = await import("@/lib/users/delete-account");
  const user = await db.user.findUnique({ where: { email: parsed.data }, select: { id: true } });
  if (!user) {
    await db.$disconnect();
    console.error(`No user has the email ${parsed.data}.`);
    process.exit(1);
  }
  const result = await deleteAccount({
    userId: user.id,
    confirmedEmail: parsed.data,
    by: { kind: "operator" },
    request: { ip: null, userAgent: "npm run user:delete" },
  });
  await db.$disconnect();
  if (!result.ok) {
    console.error(DELETE_REFUSALS[result.reason]);
    process.exit(1);
  }
  console.log(`${parsed.data} is deleted; its audit records are kept as ${result.pseudonym}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
