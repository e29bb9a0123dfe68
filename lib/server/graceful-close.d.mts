import type { Server } from "node:http";
export function drainable(server: Server): { readonly inFlight: number; drain(deadlineMs: number): Promise<{ forced: boolean }> };
