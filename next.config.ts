import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native or dynamically-loaded database drivers stay plain Node requires.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "pg", "@prisma/adapter-pg"],
};

export default nextConfig;
