import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [".next/**", ".next-bench/**", ".next-bench-floor/**", "node_modules/**", "lib/generated/**", "prisma/.generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
];

export default config;
