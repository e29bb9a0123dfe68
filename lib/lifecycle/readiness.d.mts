export function markShuttingDown(): void;
export function isShuttingDown(): boolean;
