import "server-only";
import type { MailCatalog } from "@/lib/mail/templates";
import { composePasswordResetMail, passwordChangedMail } from "@/lib/recovery/mails";
import {
  composeEmailChangeMail,
  composeEmailChangeRequestedMail,
  composeEmailVerificationMail,
  emailChangedMail,
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
import { federatedConnectedMail, federatedDisconnectedMail } from "@/lib/linked-accounts/mails";
import { composeNewSignInMail } from "@/lib/sign-in-alerts/mails";
import { accountDeletedMail, accountExportedMail } from "@/lib/users/mails";

/**
 * Every domain's mails, handed to the sender at start-up (lib/startup/check.ts):
 * start-up wiring, the one module that knows them all, so lib/mail knows none.
 * A template declared in a domain's mails.ts but missing here fails the type check.
 */
export const mailCatalog: MailCatalog = {
  composers: {
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
  },
  removedOnceSent: ["account_deleted"],
};
