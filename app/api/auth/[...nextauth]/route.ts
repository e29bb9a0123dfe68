import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth-js/auth";
import { answerSessionEndpoint, isSessionEndpoint } from "@/lib/auth/session-endpoint";

// Auth.js answers every endpoint but its session endpoint (GET, and POST for
// its update), which answers from the session registry (lib/auth/session-endpoint.ts).
export function GET(request: NextRequest) {
  return isSessionEndpoint(request) ? answerSessionEndpoint() : handlers.GET(request);
}

export function POST(request: NextRequest) {
  return isSessionEndpoint(request) ? answerSessionEndpoint() : handlers.POST(request);
}
