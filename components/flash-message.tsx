"use client";

import { useEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { FLASH_COOKIE, parseFlash, type Flash } from "@/lib/flash/flash";

const STYLES: Record<Flash["category"], string> = {
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-900",
  info: "bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-900",
  warning: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900",
  error: "bg-red-50 text-red-900 ring-red-200 dark:bg-red-950 dark:text-red-100 dark:ring-red-900",
};

function takeFlashCookie(): Flash | null {
  const entry = document.cookie.split("; ").find((cookie) => cookie.startsWith(`${FLASH_COOKIE}=`));
  if (!entry) return null;
  document.cookie = `${FLASH_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  try {
    return parseFlash(decodeURIComponent(entry.slice(FLASH_COOKIE.length + 1)));
  } catch {
    return null;
  }
}

/**
 * Shows the one-time message a server action left before redirecting, then
 * deletes it, so it appears exactly once. Re-checks on every navigation.
 */
export function FlashMessage() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [flash, setFlash] = useState<Flash | null>(null);

  useEffect(() => {
    // Reading a cookie is a browser-only side effect, so it cannot happen
    // during render; syncing it into state here is the intended use.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFlash(takeFlashCookie());
  }, [pathname, searchParams]);

  if (!flash) return null;
  const urgent = flash.category === "error" || flash.category === "warning";
  return (
    <div
      role={urgent ? "alert" : "status"}
      className={`mb-6 flex items-start justify-between gap-4 rounded-md px-4 py-3 text-sm ring-1 ${STYLES[flash.category]}`}
    >
      <p>{flash.message}</p>
      <button
        type="button"
        onClick={() => setFlash(null)}
        className="rounded px-1 font-semibold opacity-70 hover:opacity-100"
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  );
}
