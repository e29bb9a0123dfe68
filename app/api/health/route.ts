import { connection, type NextResponse } from "next/server";
import { isDatabaseReachable, mailHealth } from "@/lib/health";
import { apiJson } from "@/lib/api/responses";

export async function GET(): Promise<NextResponse> {
  // Checked per request, never prerendered at build time. (Not `dynamic =
  // "force-dynamic"`: Next.js refuses that under cacheComponents, which the
  // benchmark measures.)
  await connection();
  const databaseOk = await isDatabaseReachable();
  const mail = mailHealth();
  return apiJson(
    { status: databaseOk ? "ok" : "unavailable", database: databaseOk ? "ok" : "unavailable", mail },
    { status: databaseOk ? 200 : 503 },
  );
}
