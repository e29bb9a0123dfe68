import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { MailContent } from "@/lib/mail/layout";
import { appLink, mailLimitReached } from "@/lib/mail/limits";
import { issueToken, voidTokens } from "@/lib/tokens/one-time-token";
import { accountInventory } from "@/lib/account-review/inventory";
import { describeInventory } from "@/lib/account-review/describe-inventory";

declare module "@/lib/mail/templates" {
  interface MailParams {
    password_reset: Record<string, never>;
    password_changed: PasswordChangedParams;
  }
}

/**
 * What the account has, so an owner who did not add something sees it
 * before the reset, and knows the first sign-in after it asks to review them.
 */
async function inventoryMailPart(userId: string): Promise<{ paragraph: string; list: string[] }> {
  const list = describeInventory(await accountInventory(userId));
  if (list.length === 0) {
    return { paragraph: "Your account has no passkeys, API keys, authenticator app or signed-in sessions.", list };
  }
  return {
    paragraph:
      "These can sign in to your account or act for it today. After the reset, your first sign-in asks you " +
      "to review them, with a button to remove anything you do not recognise:",
    list,
  };
}

/**
 * The reset mail for whoever has the address `to`, composed when it is sent.
 * Unknown and deactivated accounts, and accounts past the hourly limit, get
 * nothing. The new link voids the account's older ones.
 */
export async function composePasswordResetMail(to: string): Promise<MailContent | null> {
  const user = await db.user.findUnique({ where: { email: to }, select: { id: true, name: true, active: true, passwordHash: true } });
  if (!user?.active) return null;
  if (await mailLimitReached("password_reset", to)) return null;

  const minutes = serverEnv.recovery.passwordResetMinutes;
  const token = await db.$transaction(async (tx) => {
    await voidTokens(user.id, ["password_reset"], tx);
    return issueToken({ purpose: "password_reset", userId: user.id, ttlMs: minutes * 60_000 }, tx);
  });
  const inventory = await inventoryMailPart(user.id);
  // An account made through a sign-in provider has no password yet: the same link sets its first one.
  const firstPassword = !user.passwordHash;
  return {
    subject: firstPassword ? "Set a password for your account" : "Reset your password",
    greeting: `Hello ${user.name},`,
    paragraphs: [
      firstPassword
        ? `Someone, probably you, asked to set a password for your ${serverEnv.appName} account, which has none yet.`
        : `Someone, probably you, asked to reset the password of your ${serverEnv.appName} account.`,
      inventory.paragraph,
    ],
    list: inventory.list,
    action: { label: firstPassword ? "Set a password" : "Set a new password", url: appLink("/reset-password", token) },
    footnote:
      `The link works once, for ${minutes} minutes. If you did not ask for it, ignore this mail: ` +
      (firstPassword ? "your account stays without a password." : "your password stays as it is."),
  };
}

export interface PasswordChangedParams {
  name: string;
  /**
   * Set when a reset was the first proof that the address is the owner's:
   * what was removed from the account (lib/recovery/unconfirmed-account.ts).
   */
  removedBeforeConfirmation?: string[];
}

export function passwordChangedMail(_to: string, { name, removedBeforeConfirmation }: PasswordChangedParams): MailContent {
  const paragraphs = [
    `The password of your ${serverEnv.appName} account was just changed, and every session signed in with the old one was signed out.`,
  ];
  if (removedBeforeConfirmation) {
    paragraphs.push(
      "This reset also confirmed your email address. Until now nobody had shown that the address was theirs, so " +
        "whoever created the account may not have been you: everything set up on it before the reset was removed" +
        (removedBeforeConfirmation.length > 0 ? ` (${removedBeforeConfirmation.join(", ")})` : "") +
        ". Add your own second factors and API keys again from your profile.",
    );
  }
  paragraphs.push("If this was not you, reset your password at once and tell your administrator.");
  return {
    subject: "Your password was changed",
    greeting: `Hello ${name},`,
    paragraphs,
    action: { label: "Reset your password", url: new URL("/forgot-password", serverEnv.appOrigin).toString() },
  };
}
