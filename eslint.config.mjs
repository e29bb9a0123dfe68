import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// A "use server" file's exports are public endpoints that anyone can call
// with any arguments: each goes through a guard of lib/actions/argument-guard.ts
// that checks the arguments' shape first, so none can be exported without one.
const GUARDS = "formAction|formStateAction|actionWithArguments";
const USE_SERVER_FILE = 'Program:has(> ExpressionStatement[directive="use server"])';
const UNGUARDED = "Export server actions as `export const nameAction = guard(handleName)`, with a guard of lib/actions/argument-guard.ts.";
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
    message: "Put server actions in a \"use server\" file, exported through a guard of lib/actions/argument-guard.ts.",
  },
];

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
    rules: { "no-restricted-syntax": ["error", ...serverActionRules] },
  },
  {
    ignores: [".next/**", ".next-bench/**", ".next-bench-floor/**", "node_modules/**", "lib/generated/**", "prisma/.generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
