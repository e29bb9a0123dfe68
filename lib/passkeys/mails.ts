import "server-only";
import { changeNoticeMail, type ChangeNoticeParams } from "@/lib/mail/change-notice";
import type { MailContent } from "@/lib/mail/layout";

declare module "@/lib/mail/templates" {
  interface MailParams {
    passkey_added: ChangeNoticeParams;
    passkey_removed: ChangeNoticeParams;
  }
}

export function passkeyAddedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail("A passkey was added", `The passkey “${params.item}” was added`, params);
}

export function passkeyRemovedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail("A passkey was removed", `The passkey “${params.item}” was removed`, params);
}
