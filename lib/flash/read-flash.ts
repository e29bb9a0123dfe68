import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE, parseFlash, type Flash } from "@/lib/flash/flash";

export async function readFlash(): Promise<Flash | null> {
  return parseFlash((await cookies()).get(FLASH_COOKIE)?.value);
}
