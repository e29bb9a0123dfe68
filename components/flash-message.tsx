"use client";

import { useEffect, useState } from "react";
import { usePathname } from "next/navigation";
import { FLASH_COOKIE, type Flash } from "@/lib/flash/flash";

const STYLES: Record<Flash["category"], string> = {
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-900",
  info: "bg-sky-50 text-sky-900 ring-sky-200 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-900",
  warning: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-900",
  error: "bg-red-50 text-red-900 ring-red-200 dark:bg-red-950 dark:text-red-100 dark:ring-red-900",
};

/**
 * Shows the one-time message the root layout read from the flash cookie.
 * The layout renders it with `key={flash.id}`, so each new message mounts
 * afresh, even after a redirect back to the same page. Once shown the cookie
 * is deleted, and the message goes away at the next navigation, because a
 * shared layout is not re-rendered for client-side navigations.
 */
export function FlashMessage({ flash }: { flash: Flash }) {
  const pathname = usePathname();
  const [shownOn] = useState(pathname);
  const [dismissed, setDismissed] = useState(false);
  if (pathname !== shownOn && !dismissed) setDismissed(true);

  useEffect(() => {
    document.cookie = `${FLASH_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  }, []);

  if (dismissed) return null;
  const urgent = flash.category === "error" || flash.category === "warning";
  return (
    <div
      role={urgent ? "alert" : "status"}
      className={`mb-6 flex items-start justify-between gap-4 rounded-md px-4 py-3 text-sm ring-1 ${STYLES[flash.category]}`}
    >
      <p>{flash.message}</p>
      <button
        type="button"
        onClick={() => setDismissed(true)}
        // Full strength, not faded: the × is text, and axe cannot measure a
        // single character's contrast (at 70% opacity it was about 4.1:1).
        className="rounded px-1 font-semibold hover:bg-black/5 dark:hover:bg-white/10"
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  );
}
