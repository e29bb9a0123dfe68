import type { DestinationStream, Logger } from "pino";
import type { LogLevel } from "./log-levels.d.mts";
export const REDACTED_PATHS: string[];
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger;
export function routeConsoleTo(logger: Logger): void;
