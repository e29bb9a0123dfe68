import "server-only";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { FLASH_COOKIE, serializeFlash, type FlashCategory } from "@/lib/flash/flash";

/** Call from a server action or route handler before redirecting. */
export async function setFlash(category: FlashCategory, message: string): Promise<void> {
  const jar = await cookies();
  jar.set(FLASH_COOKIE, serializeFlash({ id: randomUUID(), category, message }), {
    path: "/",
    sameSite: "lax",
    // Deleted by the page's script once shown, so not HttpOnly; it never
    // holds anything secret.
    httpOnly: false,
    maxAge: 60,
  });
}
