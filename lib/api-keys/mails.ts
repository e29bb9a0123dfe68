import "server-only";
import type { MailContent } from "@/lib/mail/layout";
import { changeNoticeMail, type ChangeNoticeParams } from "@/lib/mail/change-notice";

declare module "@/lib/mail/templates" {
  interface MailParams {
    api_key_created: ChangeNoticeParams;
    api_key_revoked: ChangeNoticeParams;
  }
}

export function apiKeyCreatedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail("A new API key was created", `A new API key, “${params.item}”, was created`, params);
}

export function apiKeyRevokedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail("An API key was revoked", `The API key “${params.item}” was revoked`, params);
}
