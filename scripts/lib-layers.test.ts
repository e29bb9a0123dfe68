import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { LIB_ORDER, ROOT_FILES } from "../eslint.config.mjs";

// The layering of lib/ (eslint.config.mjs LIB_ORDER) covers every folder and
// root-level file, and `npm run lint` refuses an upward import, value or type,
// a setting read anywhere but its runtime's one module, a write to the user
// table anywhere but lib/users, and a server module's value in a client component.

const root = path.resolve(import.meta.dirname, "..");
const lib = path.join(root, "lib");

async function lintErrors(file: string, source: string, rule: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === rule).map((message) => message.message);
}

const layerErrors = (file: string, source: string) => lintErrors(file, source, "no-restricted-imports");

describe("lib/ layers", () => {
  it("lists every folder and root-level module of lib/ once", () => {
    const entries = fs
      .readdirSync(lib, { withFileTypes: true })
      .filter((entry) => (entry.isDirectory() ? entry.name !== "generated" : /\.(ts|mjs)$/.test(entry.name) && !entry.name.includes(".test.")))
      .map((entry) => entry.name.replace(/\.(ts|mjs)$/, ""));
    expect([...entries].sort()).toEqual([...LIB_ORDER].sort());
    for (const name of ROOT_FILES) expect(fs.existsSync(path.join(lib, `${name}.ts`)), name).toBe(true);
  });

  it("refuses a shared service importing a domain, value or type, and passes the import the other way", async () => {
    const upward = await layerErrors("lib/mail/fixture.ts", 'import { findUserById } from "@/lib/users/queries";\nexport const f = findUserById;\n');
    expect(upward).toEqual([expect.stringContaining("lib/mail sits below lib/users")]);
    const upwardType = await layerErrors("lib/db.ts", 'import type { PublicUser } from "@/lib/users/public-user";\nexport type U = PublicUser;\n');
    expect(upwardType).toEqual([expect.stringContaining("lib/db sits below lib/users")]);
    expect(await layerErrors("lib/users/fixture.ts", 'import { enqueueMail } from "@/lib/mail/outbox";\nexport const f = enqueueMail;\n')).toEqual([]);
  });

  it("refuses the import that would close a cycle between two domains", async () => {
    const errors = await layerErrors("lib/sessions/fixture.ts", 'import { getCurrentSession } from "@/lib/auth/session";\nexport const f = getCurrentSession;\n');
    expect(errors).toEqual([expect.stringContaining("lib/sessions sits below lib/auth")]);
  });

  it("refuses process.env outside lib/env.ts and lib/settings/", async () => {
    const source = "export const secret = process.env.AUTH_SECRET;\n";
    expect(await lintErrors("lib/mail/fixture.ts", source, "no-restricted-properties")).toEqual([expect.stringContaining("lib/env.ts")]);
    expect(await lintErrors("middleware.ts", source, "no-restricted-properties")).toHaveLength(1);
    expect(await lintErrors("lib/settings/fixture.ts", source, "no-restricted-properties")).toEqual([]);
  });

  it("refuses a write to the user table outside lib/users, and keeps the server-action rules beside it", async () => {
    const write = 'import { db } from "@/lib/db";\nexport async function f() {\n  await db.user.update({ where: { id: "u" }, data: { pendingEmail: null } });\n}\n';
    const owner = "Writes to the user table go through lib/users (its one owner).";
    expect(await lintErrors("lib/verification/fixture.ts", write, "no-restricted-syntax")).toEqual([owner]);
    const inTransaction = write.replace("db.user.update", "tx.user.createMany");
    expect(await lintErrors("app/admin/fixture.ts", inTransaction, "no-restricted-syntax")).toEqual([owner]);
    expect(await lintErrors("lib/users/fixture.ts", write, "no-restricted-syntax")).toEqual([]);
    // Reads are anyone's.
    expect(await lintErrors("lib/verification/fixture.ts", write.replace("db.user.update", "db.user.findUnique"), "no-restricted-syntax")).toEqual([]);
    // The same rule's server-action selectors still apply where the user-write one does.
    const unguarded = '"use server";\nexport async function saveAction() {}\n';
    expect(await lintErrors("app/profile/fixture.ts", unguarded, "no-restricted-syntax")).toEqual([expect.stringContaining("guard")]);
  });

  it("refuses a client component a server module's value, or zod, and lets types and the client-safe modules through", async () => {
    const client = (imports: string) => `"use client";\n${imports}\nexport function C() {\n  return null;\n}\n`;
    const errorsOf = (imports: string) => lintErrors("app/profile/fixture.tsx", client(imports), "no-restricted-syntax");
    expect(await errorsOf('import { db } from "@/lib/db";\nvoid db;')).toEqual([expect.stringContaining("client-safe modules")]);
    expect(await errorsOf('import { z } from "zod";\nvoid z;')).toEqual([expect.stringContaining("No zod in the browser")]);
    expect(await errorsOf('import type { CurrentSession } from "@/lib/auth/session";\nexport type S = CurrentSession;')).toEqual([]);
    expect(await errorsOf('import { IDLE } from "@/lib/form-state";\nimport { NAME_MAX_LENGTH } from "@/lib/validation/field-limits";\nvoid [IDLE, NAME_MAX_LENGTH];')).toEqual([]);
  });
});
