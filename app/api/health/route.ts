import type { NextResponse } from "next/server";
import { isDatabaseReachable, mailHealth } from "@/lib/health";
import { apiJson } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

export async function GET(): Promise<NextResponse> {
  const [databaseOk, mail] = await Promise.all([isDatabaseReachable(), mailHealth()]);
  return apiJson(
    { status: databaseOk ? "ok" : "unavailable", database: databaseOk ? "ok" : "unavailable", mail },
    { status: databaseOk ? 200 : 503 },
  );
}
