import type { NextRequest, NextResponse } from "next/server";
import { authenticateApiRequest } from "@/lib/api/authenticate";
import { apiJson } from "@/lib/api/responses";
import { secondFactorSummary } from "@/lib/two-factor/status";

export async function GET(request: NextRequest): Promise<NextResponse> {
  const caller = await authenticateApiRequest(request);
  if (!caller.ok) return caller.response;
  const { user, method } = caller;
  return apiJson({
    id: user.id,
    email: user.email,
    emailVerified: user.emailVerified !== null,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    authMethod: method,
    twoFactor: await secondFactorSummary(user.id),
  });
}
