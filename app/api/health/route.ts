import type { NextResponse } from "next/server";
import { isDatabaseReachable } from "@/lib/health";
import { apiJson } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const databaseOk = await isDatabaseReachable();
  return apiJson(
    { status: databaseOk ? "ok" : "unavailable", database: databaseOk ? "ok" : "unavailable" },
    { status: databaseOk ? 200 : 503 },
  );
}
