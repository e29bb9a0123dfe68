import { connection, type NextResponse } from "next/server";
import { checkReadiness } from "@/lib/health";
import { apiJson } from "@/lib/api/responses";

// Readiness, for a load balancer or Kubernetes' readinessProbe: 200 when this
// process can serve (database answering, migrations applied, not shutting
// down), else 503 with the reason. /api/health is the liveness probe.
export async function GET(): Promise<NextResponse> {
  await connection();
  const readiness = await checkReadiness();
  return readiness.ready
    ? apiJson({ status: "ready" }, { status: 200 })
    : apiJson({ status: "not ready", reason: readiness.reason }, { status: 503 });
}
