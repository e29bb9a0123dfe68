// npm run user:create -- --email E --password P --name N [--admin]
import { parseArgs } from "node:util";
import { createUserArgsSchema } from "@/lib/validation/create-user";

const USAGE = "Usage: npm run user:create -- --email <email> --password <password> --name <name> [--admin]";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
        admin: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = createUserArgsSchema.safeParse(values);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("\n"));
  }

  // Imported here so that bad arguments are reported without touching the database.
  const { createUserByOperator } = await import("@/lib/users/create-user");
  const { db } = await import("@/lib/db");
  const result = await createUserByOperator(parsed.data);
  await db.$disconnect();
  if (!result.ok) {
    console.error(`A user with the email ${parsed.data.email} already exists.`);
    process.exit(1);
  }
  console.log(JSON.stringify({ id: result.user.id, email: result.user.email, role: result.user.role }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
