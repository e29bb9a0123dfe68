import type { IncomingMessage, ServerResponse } from "node:http";

export function scrapeAccess(token: string | null, authorization: string | undefined): "ok" | "unset" | "refused";
export function serveClusterMetrics(): void;
export function serverMetrics(options: { token: string; distDir: string }): {
  observe(request: IncomingMessage, response: ServerResponse): void;
  answer(request: IncomingMessage, response: ServerResponse): boolean;
};
