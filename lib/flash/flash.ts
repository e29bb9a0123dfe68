/**
 * One-time messages carried across a redirect in a short-lived cookie. The
 * server sets it (lib/flash/set-flash.ts); components/flash-message.tsx shows
 * it once and deletes it. Shared by both sides, so no server-only imports.
 */
export const FLASH_COOKIE = "latchkey-flash";

export const FLASH_CATEGORIES = ["success", "info", "warning", "error"] as const;
export type FlashCategory = (typeof FLASH_CATEGORIES)[number];

export interface Flash {
  category: FlashCategory;
  message: string;
}

export function encodeFlash(flash: Flash): string {
  return encodeURIComponent(JSON.stringify(flash));
}

/** Anyone can write a cookie, so anything malformed is simply ignored. */
export function decodeFlash(raw: string | undefined): Flash | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw));
    if (typeof value !== "object" || value === null) return null;
    const { category, message } = value as Record<string, unknown>;
    if (typeof message !== "string" || message.length === 0 || message.length > 500) return null;
    if (!FLASH_CATEGORIES.includes(category as FlashCategory)) return null;
    return { category: category as FlashCategory, message };
  } catch {
    return null;
  }
}
