import "server-only";
import { serverEnv } from "@/lib/env";
import type { MailContent } from "@/lib/mail/layout";
import { changeNoticeMail, type ChangeNoticeParams } from "@/lib/mail/change-notice";
import type { Deleter } from "@/lib/users/delete-account";

declare module "@/lib/mail/templates" {
  interface MailParams {
    account_deleted: AccountDeletedParams;
    account_exported: ChangeNoticeParams;
  }
}

/** The mails of account deletion and data export (lib/users/delete-account.ts, lib/users/export-account.ts). */

export interface AccountDeletedParams {
  name: string;
  by: Deleter["kind"];
}

const DELETED_BY: Record<Deleter["kind"], string> = {
  owner: "as you asked",
  admin: "by an administrator",
  operator: "by an administrator",
};

/** The goodbye: the last mail to the address, whose outbox row goes once it is sent. */
export function accountDeletedMail(_to: string, { name, by }: AccountDeletedParams): MailContent {
  return {
    subject: "Your account was deleted",
    greeting: `Hello ${name},`,
    paragraphs: [
      `Your ${serverEnv.appName} account was deleted ${DELETED_BY[by]}. Its sessions, API keys, passkeys, two-factor settings and links are gone, and nothing more will be sent to this address.`,
      "The security log keeps its records of what happened to the account, under a pseudonym and without your address.",
      by === "owner"
        ? "If this was not you, tell your administrator at once: someone knew your password."
        : "If you did not expect this, ask your administrator.",
    ],
    footnote: "Goodbye, and thank you.",
  };
}

export function accountExportedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail("Your data was downloaded", "A copy of your data (latchkey-export.json) was downloaded", params);
}
