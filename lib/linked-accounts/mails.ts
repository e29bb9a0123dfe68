import "server-only";
import { changeNoticeMail, type ChangeNoticeParams } from "@/lib/mail/change-notice";
import type { MailContent } from "@/lib/mail/layout";

declare module "@/lib/mail/templates" {
  interface MailParams {
    federated_connected: ChangeNoticeParams;
    federated_disconnected: ChangeNoticeParams;
  }
}

/** `item` is the provider's name ("GitHub", or AUTH_OIDC_NAME). */
export function federatedConnectedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail(`${params.item} was connected to your account`, `Signing in with ${params.item} was turned on`, params);
}

export function federatedDisconnectedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail(`${params.item} was disconnected from your account`, `Signing in with ${params.item} was turned off`, params);
}
