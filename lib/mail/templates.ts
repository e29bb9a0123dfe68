import type { MailContent } from "@/lib/mail/layout";

/**
 * Every mail Latchkey sends, by template name, with the parameters it is
 * queued with. The mail module knows none of them: each domain declares its
 * own mails here from its mails.ts (TypeScript declaration merging, so
 * enqueueMail checks every call's parameters), and the start-up wiring
 * (lib/startup/mail-catalog.ts) hands their composers to the sender.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each domain's declaration
export interface MailParams {}

export type MailTemplate = keyof MailParams;

/** Returns the mail, or null when there is nothing to send (e.g. no such account). */
export type Composer<Params> = (to: string, params: Params) => MailContent | null | Promise<MailContent | null>;

export interface MailCatalog {
  composers: { [Template in MailTemplate]: Composer<MailParams[Template]> };
  /**
   * Mails whose outbox row is removed once sent (or given up), not kept a
   * week: e.g. the goodbye to a deleted account's address, the one row left naming it.
   */
  removedOnceSent: readonly MailTemplate[];
}
