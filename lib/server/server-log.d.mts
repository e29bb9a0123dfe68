import type { Logger } from "pino";
export function startServerLog(level: string | undefined): Logger;
