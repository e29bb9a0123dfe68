export const STABLE_SERVING_MS: number;
export function restartBackoff(options?: { firstMs?: number; maxMs?: number }): {
  nextDelay(): { delayMs: number; attempt: number };
  reset(): void;
};
