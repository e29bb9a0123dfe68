import "server-only";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { renderMail, type MailContent, type RenderedMail } from "@/lib/mail/layout";
import { composePasswordResetMail, passwordChangedMail, type PasswordChangedParams } from "@/lib/recovery/mails";
import {
  composeEmailChangeMail,
  composeEmailVerificationMail,
  emailChangedMail,
  composeEmailChangeRequestedMail,
} from "@/lib/verification/mails";
import {
  recoveryCodeUsedMail,
  recoveryCodesGeneratedMail,
  twoFactorAdminDisabledMail,
  twoFactorDisabledMail,
  twoFactorEnabledMail,
} from "@/lib/two-factor/mails";
import { passkeyAddedMail, passkeyRemovedMail } from "@/lib/passkeys/mails";
import { apiKeyCreatedMail, apiKeyRevokedMail } from "@/lib/api-keys/mails";
import { federatedConnectedMail, federatedDisconnectedMail } from "@/lib/federated/mails";
import type { ChangeNoticeParams } from "@/lib/mail/change-notice";
import { composeNewSignInMail, type NewSignInParams } from "@/lib/sign-in-alerts/mails";
import { accountDeletedMail, accountExportedMail, type AccountDeletedParams } from "@/lib/users/mails";

/** Every mail Latchkey sends, with the parameters it is queued with. Add new mails here. */
export interface MailParams {
  password_reset: Record<string, never>;
  password_changed: PasswordChangedParams;
  email_verification: { userId: string };
  email_change: { userId: string };
  email_change_requested: { userId: string; name: string; newEmail: string };
  email_changed: { name: string; newEmail: string };
  two_factor_enabled: { name: string };
  two_factor_disabled: { name: string };
  two_factor_admin_disabled: { name: string };
  recovery_code_used: { name: string; codesLeft: number };
  recovery_codes_generated: ChangeNoticeParams;
  passkey_added: ChangeNoticeParams;
  passkey_removed: ChangeNoticeParams;
  api_key_created: ChangeNoticeParams;
  api_key_revoked: ChangeNoticeParams;
  new_sign_in: NewSignInParams;
  account_deleted: AccountDeletedParams;
  account_exported: ChangeNoticeParams;
  federated_connected: ChangeNoticeParams;
  federated_disconnected: ChangeNoticeParams;
}

/**
 * Mails whose outbox row is removed once sent (or given up), not kept a week:
 * the goodbye to a deleted account's address, the one row left naming it.
 */
export const REMOVED_ONCE_SENT: readonly MailTemplate[] = ["account_deleted"];

export type MailTemplate = keyof MailParams;

/** Returns the mail, or null when there is nothing to send (e.g. no such account). */
type Composer<Params> = (to: string, params: Params) => MailContent | null | Promise<MailContent | null>;

const composers: { [Template in MailTemplate]: Composer<MailParams[Template]> } = {
  password_reset: composePasswordResetMail,
  password_changed: passwordChangedMail,
  email_verification: composeEmailVerificationMail,
  email_change: composeEmailChangeMail,
  email_change_requested: composeEmailChangeRequestedMail,
  email_changed: emailChangedMail,
  two_factor_enabled: twoFactorEnabledMail,
  two_factor_disabled: twoFactorDisabledMail,
  two_factor_admin_disabled: twoFactorAdminDisabledMail,
  recovery_code_used: recoveryCodeUsedMail,
  recovery_codes_generated: recoveryCodesGeneratedMail,
  passkey_added: passkeyAddedMail,
  passkey_removed: passkeyRemovedMail,
  api_key_created: apiKeyCreatedMail,
  api_key_revoked: apiKeyRevokedMail,
  new_sign_in: composeNewSignInMail,
  account_deleted: accountDeletedMail,
  account_exported: accountExportedMail,
  federated_connected: federatedConnectedMail,
  federated_disconnected: federatedDisconnectedMail,
};

function isMailTemplate(name: string): name is MailTemplate {
  return Object.hasOwn(composers, name);
}

export async function composeMail(mail: { template: string; to: string; params: string }): Promise<RenderedMail | null> {
  if (!isMailTemplate(mail.template)) {
    // Queued by a newer or older version of the app: nothing here can render it.
    log.error({ template: mail.template }, "Mail template is unknown; the mail is closed unsent");
    return null;
  }
  const compose = composers[mail.template] as Composer<unknown>;
  const content = await compose(mail.to, JSON.parse(mail.params));
  return content && renderMail(content, serverEnv.appName);
}
