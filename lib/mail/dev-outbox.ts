import "server-only";
import { randomUUID } from "node:crypto";
import type { RenderedMail } from "@/lib/mail/layout";

export interface ShownMail extends RenderedMail {
  id: string;
  to: string;
  at: Date;
}

const KEPT = 50;

// Development only, in the one dev-server process: module state would be
// lost on a hot reload, globalThis is not.
const store = globalThis as unknown as { latchkeyDevOutbox?: ShownMail[] };

export function keepInDevOutbox(mail: RenderedMail & { to: string }): void {
  const mails = (store.latchkeyDevOutbox ??= []);
  mails.unshift({ ...mail, id: randomUUID(), at: new Date() });
  mails.length = Math.min(mails.length, KEPT);
}

/** Newest first. */
export function devOutboxMails(): readonly ShownMail[] {
  return store.latchkeyDevOutbox ?? [];
}
