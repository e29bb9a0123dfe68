import type { NextConfig } from "next";

// Sent with every response; the Content-Security-Policy comes from middleware.ts (a per-request
// nonce, or the recorded hashes of a prerendered page).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // OWASP's advice: switch the legacy XSS auditor off (it could be abused to
  // blank out parts of a page); the CSP does the job. Scanners flag its absence.
  { key: "X-XSS-Protection", value: "0" },
  // Browsers ignore HSTS over plain HTTP, so it is harmless on a local production build.
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

// `LATCHKEY_BENCH=1 next build` makes the benchmark build of scripts/bench.mjs:
// its own output directory (the shared .next/ is left alone) and the
// benchmark-only routes, `*.bench.tsx` pages, which normal builds do not see.
const bench = process.env.LATCHKEY_BENCH === "1";
// `*.dev.tsx` pages (the mail outbox viewer) exist under `next dev` only: a
// production build does not contain them at all.
const development = process.env.NODE_ENV === "development";
const pageExtensions = ["tsx", "ts", "jsx", "js"];

const nextConfig: NextConfig = {
  distDir: bench ? ".next-bench" : ".next",
  pageExtensions: [...(bench ? ["bench.tsx"] : []), ...(development ? ["dev.tsx"] : []), ...pageExtensions],
  // Inlined at build time, so the benchmark branch in middleware.ts is dead code elsewhere.
  env: { LATCHKEY_BENCH: bench ? "1" : "" },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // These pages carry a mailed token in their address: no Referer may take it elsewhere.
      // strict-origin: a Referer carries the origin only (never the token), and unlike
      // no-referrer it leaves the Origin of the page's own form POST in place. Under
      // no-referrer browsers send `Origin: null` with a plain form post, which
      // middleware's Origin check refuses (403), so these forms would not work
      // without JavaScript.
      ...["/reset-password", "/verify-email", "/email-change/cancel", "/new-sign-in"].map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: "strict-origin" }],
      })),
    ];
  },
  poweredByHeader: false,
  // Middleware sees the App Router's own fetches as they are (the RSC header,
  // the _rsc parameter), which it otherwise strips: a prerendered public page
  // is answered as HTML only to a request for HTML (lib/request/static-pages.ts).
  skipProxyUrlNormalize: true,
  // `npm test` and the benchmark build after (or without needing) their own
  // `tsc --noEmit`; a plain `next build` still checks types itself.
  typescript: { ignoreBuildErrors: process.env.LATCHKEY_TYPES_CHECKED === "1" },
  experimental: {
    // forbidden() and app/forbidden.tsx: a real 403 page for non-admins.
    authInterrupts: true,
    // Next.js answers a server action over its body limit (default 1 MB) with a
    // 500 and the page breaks. Every form field is capped far lower (100 to
    // 1,000 characters), so a megabyte pasted into a field should meet those
    // caps and get a message next to the field instead.
    // Keep in step with PAGE_POST_BODY_LIMIT_BYTES (lib/security/page-post-body.ts).
    serverActions: { bodySizeLimit: "2mb" },
    // Integrity hashes on the framework's script tags: a prerendered page
    // (app/static/) carries no nonce, so its policy allows its external
    // scripts by these hashes (scripts/static-twins.mjs adds the rest).
    sri: { algorithm: "sha256" },
  },
  // Native or dynamically-loaded database drivers stay plain Node requires.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    // One prom-client per process: the app counts into the registry scripts/start.mjs serves.
    "prom-client",
  ],
};

export default nextConfig;
