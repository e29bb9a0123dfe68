import type { Metadata } from "next";

// Benchmark builds only (LATCHKEY_BENCH=1 next build, see next.config.ts): a
// bare page prerendered at build, in the app's root layout, behind the same
// middleware and served by the same entry as /login. The floor that
// `BENCH_ONLY=public npm run bench` compares the public pages to.
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Static" };

export default function BenchStaticPage() {
  return <p>A bare static page.</p>;
}
