import { NextResponse } from "next/server";
import { isDatabaseReachable } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const databaseOk = await isDatabaseReachable();
  return NextResponse.json(
    { status: databaseOk ? "ok" : "degraded", database: databaseOk ? "ok" : "unavailable" },
    { status: databaseOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
