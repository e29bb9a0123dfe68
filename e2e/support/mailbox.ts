import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { MAIL_DIRECTORY } from "./mail-settings";
import type { ReceivedMail } from "./mail-sink";

/**
 * How long a mail may take to arrive: the outbox is polled every second and
 * a pass sends its mails one after another, behind every other spec's (the
 * load specs queue dozens at once), on a machine that may be loaded and half
 * as fast. Three times the `expect` timeout; specs that wait for mail are slow.
 */
export const MAIL_TIMEOUT_MS = 30_000;

/** Every mail received for `to` so far, oldest first. */
export function mailsTo(to: string, directory = MAIL_DIRECTORY): ReceivedMail[] {
  if (!fs.existsSync(directory)) return [];
  const address = to.toLowerCase();
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(directory, name), "utf8")) as ReceivedMail)
    .filter((mail) => mail.to.includes(address));
}

/**
 * Waits for the `count`-th mail with this subject to reach `to` (the outbox
 * sends within a second or two on an idle machine) and returns it.
 */
export async function waitForMail(
  to: string,
  subject: string,
  options: { count?: number; timeout?: number; directory?: string } = {},
): Promise<ReceivedMail> {
  const count = options.count ?? 1;
  let found: ReceivedMail[] = [];
  await expect
    .poll(
      () => {
        found = mailsTo(to, options.directory).filter((mail) => mail.subject === subject);
        return found.length;
      },
      { message: `mail "${subject}" #${count} to ${to}`, timeout: options.timeout ?? MAIL_TIMEOUT_MS },
    )
    .toBeGreaterThanOrEqual(count);
  return found[count - 1] as ReceivedMail;
}

/**
 * The single link in the mail's plain-text part that starts with `origin` +
 * `path`; the HTML part must carry the same link.
 */
export function linkIn(mail: ReceivedMail, pathname: string, origin: string): string {
  const links = mail.text.match(/https?:\/\/\S+/g) ?? [];
  const matching = links.filter((link) => link.startsWith(`${origin}${pathname}`));
  expect(matching, `one ${pathname} link in "${mail.subject}"`).toHaveLength(1);
  const link = matching[0] as string;
  expect(mail.html, "the HTML part links to the same address").toContain(link.replaceAll("&", "&amp;"));
  return link;
}
