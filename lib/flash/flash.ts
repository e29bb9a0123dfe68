/**
 * One-time messages carried across a redirect in a short-lived cookie. Server
 * actions and route handlers set it (lib/flash/set-flash.ts); the root layout
 * reads it (lib/flash/read-flash.ts) and components/flash-message.tsx shows
 * it and deletes it, so it appears once. Shared by both sides.
 */
export const FLASH_COOKIE = "latchkey-flash";

export const FLASH_CATEGORIES = ["success", "info", "warning", "error"] as const;
export type FlashCategory = (typeof FLASH_CATEGORIES)[number];

export interface Flash {
  /** Tells two identical messages apart, so the second one shows too. */
  id: string;
  category: FlashCategory;
  message: string;
}

const MAX_MESSAGE_LENGTH = 500;
const MAX_ID_LENGTH = 64;

export function serializeFlash(flash: Flash): string {
  return JSON.stringify(flash);
}

/** Anyone can write a cookie, so anything malformed is simply ignored. */
export function parseFlash(text: string | undefined): Flash | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return null;
    const { id, category, message } = value as Record<string, unknown>;
    if (typeof id !== "string" || id.length === 0 || id.length > MAX_ID_LENGTH) return null;
    if (typeof message !== "string" || message.length === 0 || message.length > MAX_MESSAGE_LENGTH) return null;
    if (!FLASH_CATEGORIES.includes(category as FlashCategory)) return null;
    return { id, category: category as FlashCategory, message };
  } catch {
    return null;
  }
}
