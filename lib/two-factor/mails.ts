import "server-only";
import { serverEnv } from "@/lib/env";
import type { MailContent } from "@/lib/mail/layout";
import { changeNoticeMail, type ChangeNoticeParams } from "@/lib/mail/change-notice";

declare module "@/lib/mail/templates" {
  interface MailParams {
    two_factor_enabled: { name: string };
    two_factor_disabled: { name: string };
    two_factor_admin_disabled: { name: string };
    recovery_code_used: { name: string; codesLeft: number };
    recovery_codes_generated: ChangeNoticeParams;
  }
}

/** The notices of second-factor changes (lib/two-factor/notices.ts queues them). */

function profileLink(): { label: string; url: string } {
  return { label: "Review your account", url: new URL("/profile", serverEnv.appOrigin).toString() };
}

const NOT_YOU = "If this was not you, change your password at once and tell your administrator.";

export function twoFactorEnabledMail(_to: string, { name }: { name: string }): MailContent {
  return {
    subject: "Two-factor authentication is on",
    greeting: `Hello ${name},`,
    paragraphs: [
      `Two-factor authentication was just turned on for your ${serverEnv.appName} account: signing in now needs a code from your authenticator app after the password.`,
      "Keep your recovery codes somewhere safe: they are the way in if you lose your phone.",
      NOT_YOU,
    ],
    action: profileLink(),
  };
}

export function twoFactorDisabledMail(_to: string, { name }: { name: string }): MailContent {
  return {
    subject: "Two-factor authentication is off",
    greeting: `Hello ${name},`,
    paragraphs: [
      `Two-factor authentication was just turned off for your ${serverEnv.appName} account: your password alone signs in again, and your recovery codes no longer work.`,
      NOT_YOU,
    ],
    action: profileLink(),
  };
}

export function twoFactorAdminDisabledMail(_to: string, { name }: { name: string }): MailContent {
  return {
    subject: "An administrator turned off your two-factor authentication",
    greeting: `Hello ${name},`,
    paragraphs: [
      `An administrator turned off two-factor authentication for your ${serverEnv.appName} account, usually because the phone with the authenticator app was lost. Your password alone signs in again until you turn it back on.`,
      "If you did not ask for this, change your password at once and tell your administrator.",
    ],
    action: profileLink(),
  };
}

export function recoveryCodeUsedMail(_to: string, { name, codesLeft }: { name: string; codesLeft: number }): MailContent {
  return {
    subject: "A recovery code was used",
    greeting: `Hello ${name},`,
    paragraphs: [
      `A recovery code was just used to sign in to your ${serverEnv.appName} account. ${codesLeftSentence(codesLeft)}`,
      NOT_YOU,
    ],
    action: profileLink(),
  };
}

export function codesLeftSentence(codesLeft: number): string {
  if (codesLeft === 0) return "You have no recovery codes left: generate new ones on your profile.";
  return `You have ${codesLeft} recovery ${codesLeft === 1 ? "code" : "codes"} left.`;
}

export function recoveryCodesGeneratedMail(_to: string, params: ChangeNoticeParams): MailContent {
  return changeNoticeMail("New recovery codes were generated", "New recovery codes were generated (the old ones no longer work)", params);
}
