import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// A "use server" file's exports are public endpoints that anyone can call
// with any arguments: each goes through a wrapper of lib/actions/server-action.ts
// (the arguments' shape, the session it needs, its form's schema), so none can
// be exported without one.
const GUARDS = "formAction|formStateAction|formStateActionWith|actionWithArguments";
const USE_SERVER_FILE = 'Program:has(> ExpressionStatement[directive="use server"])';
const UNGUARDED = "Export server actions as `export const nameAction = guard(handleName)`, with a wrapper of lib/actions/server-action.ts.";
const serverActionRules = [
  { selector: `${USE_SERVER_FILE} > ExportNamedDeclaration > FunctionDeclaration`, message: UNGUARDED },
  { selector: `${USE_SERVER_FILE} > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator:not([init.type="CallExpression"])`, message: UNGUARDED },
  {
    selector: `${USE_SERVER_FILE} > ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.type="CallExpression"]:not([init.callee.name=/^(${GUARDS})$/])`,
    message: UNGUARDED,
  },
  { selector: `${USE_SERVER_FILE} > :matches(ExportDefaultDeclaration, ExportAllDeclaration)`, message: UNGUARDED },
  { selector: `${USE_SERVER_FILE} > ExportNamedDeclaration[declaration=null][exportKind="value"]`, message: UNGUARDED },
  {
    selector: ':function > BlockStatement > ExpressionStatement[directive="use server"]',
    message: "Put server actions in a \"use server\" file, exported through a wrapper of lib/actions/server-action.ts.",
  },
];

// A "use client" file ships to the browser: from lib/ it may take values only
// from the modules written for both sides (no zod, no Prisma, no secret, no
// server-only import); types come from anywhere, as they leave no code.
const CLIENT_SAFE_LIB = ["form-state", "validation/field-limits", "validation/password-rules", "admin/changes", "flash/flash", "recovery/messages", "two-factor/recovery-codes-file"];
const USE_CLIENT_FILE = 'Program:has(> ExpressionStatement[directive="use client"])';
const clientModuleRules = [
  {
    selector: `${USE_CLIENT_FILE} ImportDeclaration[importKind="value"][source.value=/^@\\/lib\\/(?!(${CLIENT_SAFE_LIB.map((name) => name.replace("/", "\\/")).join("|")})$)/]`,
    message: `A client component takes values from lib/ only from its client-safe modules (${CLIENT_SAFE_LIB.join(", ")}; CLIENT_SAFE_LIB in eslint.config.mjs); import types with \`import type\`.`,
  },
  { selector: `${USE_CLIENT_FILE} ImportDeclaration[importKind="value"][source.value="zod"]`, message: "No zod in the browser: the server action checks the form with its schema." },
];

// The User table has one owner, lib/users: every write to it (`db.user.update`,
// `tx.user.create`, ...) is one of its functions, so the conditions a write
// must keep (compare-and-set, transactions) are in one place.
const USER_WRITES = "create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany";
const userWriteRule = {
  selector: `CallExpression[callee.type="MemberExpression"][callee.object.type="MemberExpression"][callee.object.property.name="user"][callee.property.name=/^(${USER_WRITES})$/]`,
  message: "Writes to the user table go through lib/users (its one owner).",
};


// lib/ in layers (README "Project layout"): shared services at the bottom,
// domains above them, the start-up and Auth.js wiring on top. Each entry may
// import only entries listed before it (and itself), so no import, value or
// type, goes upward and no two folders can form a cycle. A new folder or
// root-level file of lib/ goes into this list where its imports put it.
export const LIB_ORDER = [
  // Shared services: settings, requests, storage, tokens, the audit log, throttling, schemas, mail.
  "server", "lifecycle", "security", "settings", "messages", "format", "form-state", "flash", "sqlite", "database-url", "db-errors",
  "env", "passwords", "sqlite-adapter",
  "db", "log", "request", "testing",
  "audit", "health", "tokens",
  "validation", "throttle",
  "http", "mail",
  // Domains, each above the ones it builds on.
  "linked-accounts", "passkeys", "users",
  "api-keys", "sessions", "two-factor",
  "account-review", "admin", "sign-in-alerts",
  "auth", "maintenance",
  "api", "credentials",
  "verification",
  "federated", "recovery",
  // The sign-in flows, over all the factors and recoveries they lead to.
  "sign-in",
  // Wiring: Auth.js's configuration and the calls through it; what starts with the server.
  "actions", "auth-js", "startup",
];
export const ROOT_FILES = new Set(["database-url", "db-errors", "db", "env", "format", "form-state", "health", "messages", "sqlite", "sqlite-adapter"]);
const libFiles = (entry) => (ROOT_FILES.has(entry) ? [`lib/${entry}.ts`, `lib/${entry}.test.ts`] : [`lib/${entry}/**`]);
const libLayerRules = LIB_ORDER.map((entry, index) => ({
  files: libFiles(entry),
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["@/app", "@/app/**", "@/components", "@/components/**"], message: "lib/ sits below app/ and components/." },
          ...LIB_ORDER.slice(index + 1).map((above) => ({
            group: [`@/lib/${above}`, `@/lib/${above}/**`],
            message: `lib/${entry} sits below lib/${above} (LIB_ORDER in eslint.config.mjs): move the shared part down, or pass it in from above.`,
          })),
        ],
      },
    ],
  },
}));

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-restricted-syntax": ["error", ...serverActionRules, ...clientModuleRules] },
  },
  {
    // A later object's options replace an earlier one's for the same rule, so
    // the server-action and client-module selectors are repeated here with the user-write one.
    files: ["app/**", "components/**", "lib/**", "scripts/**", "middleware.ts", "instrumentation.ts"],
    ignores: ["lib/users/**", "**/*.test.ts", "lib/generated/**"],
    rules: { "no-restricted-syntax": ["error", ...serverActionRules, ...clientModuleRules, userWriteRule] },
  },
  ...libLayerRules,
  {
    // Every setting is read in one place per runtime: lib/env.ts (Node, checked
    // by zod) or lib/settings/runtime-settings.mjs (middleware, the .mjs workers).
    files: ["app/**", "components/**", "lib/**", "middleware.ts"],
    ignores: ["lib/env.ts", "lib/settings/**", "lib/testing/**", "lib/security/auth-secrets.ts", "lib/generated/**", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts (Node) or lib/settings/runtime-settings.mjs (middleware, .mjs workers)." },
      ],
    },
  },
  {
    // Small files with one purpose, functions a reader can hold: specs and tests may run longer.
    files: ["app/**", "components/**", "lib/**", "scripts/**", "middleware.ts", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "lib/generated/**"],
    rules: {
      "max-lines": ["error", { max: 250 }],
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // app → components → lib: shared UI gets what it needs from app/ (server actions) as props.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app", "@/app/**"], message: "components/ sit below app/: take the action or data as a prop." }] }],
    },
  },
  {
    ignores: [".next/**", ".next-bench/**", ".next-bench-floor/**", "node_modules/**", "lib/generated/**", "prisma/.generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
