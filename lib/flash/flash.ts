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

// Cookie-level escaping is left to each side's cookie handling: Next's
// cookies() escapes on write, components/flash-message.tsx unescapes on read.
export function serializeFlash(flash: Flash): string {
  return JSON.stringify(flash);
}

/** Anyone can write a cookie, so anything malformed is simply ignored. */
export function parseFlash(text: string | undefined): Flash | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { category, message } = value as Record<string, unknown>;
    if (typeof message !== "string" || message.length === 0 || message.length > 500) return null;
    if (!FLASH_CATEGORIES.includes(category as FlashCategory)) return null;
    return { category: category as FlashCategory, message };
  } catch {
    return null;
  }
}
