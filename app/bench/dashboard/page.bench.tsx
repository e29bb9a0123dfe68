import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard-view";
import type { PublicUser } from "@/lib/users/public-user";

// Benchmark builds only (LATCHKEY_BENCH=1 next build, see next.config.ts): the
// `.bench.tsx` extension is not a page extension in normal builds, so this
// route does not exist there. The dashboard's markup for a fixed user, with no
// session check at all: the baseline `npm run bench` compares /dashboard to.
export const metadata: Metadata = { title: "Dashboard" };

const BENCH_USER: PublicUser = {
  id: "bench-user",
  name: "Bench User",
  email: "bench@example.com",
  // Made by `npm run user:create`, like the bench's real user: confirmed.
  emailVerified: new Date("2026-01-01T00:00:00Z"),
  role: "USER",
  active: true,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  lastLoginAt: new Date("2026-01-02T00:00:00Z"),
};

export default function BenchDashboardPage() {
  return <DashboardView user={BENCH_USER} />;
}
