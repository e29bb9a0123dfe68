// The operator commands' work (`npm run user:create`, `user:activate`,
// `user:deactivate`) in one long-lived process per test worker, driven by
// e2e/support/users.ts: one JSON request per line on stdin, one JSON answer
// per line on stdout. Starting tsx, Prisma and the schema for every user a
// test needs cost 2.6 s of CPU each (measured), for about 470 users a pass;
// the commands themselves are tested in scripts/create-user.test.ts.
import readline from "node:readline";
import { createUserByOperator } from "@/lib/users/create-user";
import { setUserActiveByEmail } from "@/lib/users/set-user-active";
import { createUserArgsSchema } from "@/lib/validation/create-user";
import { emailField } from "@/lib/validation/email";

export type OperatorRequest =
  | { op: "createUser"; email: string; password: string; name: string; admin: boolean }
  | { op: "setUserActive"; email: string; active: boolean };

export type OperatorAnswer = { ok: true; id?: string } | { ok: false; error: string };

async function perform(request: OperatorRequest): Promise<OperatorAnswer> {
  if (request.op === "createUser") {
    // The command's own argument rules, so a test cannot make a user it could not.
    const parsed = createUserArgsSchema.safeParse(request);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((issue) => issue.message).join("; ") };
    const result = await createUserByOperator(parsed.data);
    return result.ok ? { ok: true, id: result.user.id } : { ok: false, error: `A user with the email ${parsed.data.email} already exists.` };
  }
  const email = emailField.safeParse(request.email);
  if (!email.success) return { ok: false, error: email.error.issues[0]?.message ?? "Invalid email" };
  const found = await setUserActiveByEmail(email.data, request.active);
  return found ? { ok: true } : { ok: false, error: `No user has the email ${request.email}.` };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { id, request } = JSON.parse(line) as { id: number; request: OperatorRequest };
  perform(request)
    .catch((error: unknown): OperatorAnswer => ({ ok: false, error: error instanceof Error ? error.message : String(error) }))
    .then((answer) => process.stdout.write(`${JSON.stringify({ id, answer })}\n`));
});
// The worker that started this process is gone (or done): so is its work.
lines.on("close", () => process.exit(0));
