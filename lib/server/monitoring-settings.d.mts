export function parseMetricsToken(value: string | undefined): string | null;
export function parseShutdownReadyDelay(value: string | undefined): number;
