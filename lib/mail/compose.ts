import "server-only";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { renderMail, type RenderedMail } from "@/lib/mail/layout";
import type { Composer, MailCatalog, MailTemplate } from "@/lib/mail/templates";

function isMailTemplate(catalog: MailCatalog, name: string): name is MailTemplate {
  return Object.hasOwn(catalog.composers, name);
}

/** The queued mail composed and rendered, or null when there is nothing to send. */
export async function composeMail(catalog: MailCatalog, mail: { template: string; to: string; params: string }): Promise<RenderedMail | null> {
  if (!isMailTemplate(catalog, mail.template)) {
    // Queued by a newer or older version of the app: nothing here can render it.
    log.error({ template: mail.template }, "Mail template is unknown; the mail is closed unsent");
    return null;
  }
  const compose = catalog.composers[mail.template] as Composer<unknown>;
  const content = await compose(mail.to, JSON.parse(mail.params));
  return content && renderMail(content, serverEnv.appName);
}
