import "server-only";
import { enqueueMail } from "@/lib/mail/outbox";
import { codesLeftSentence } from "@/lib/two-factor/mails";

type Recipient = { email: string; name: string };

/** The flash after signing in with a recovery code. */
export function recoveryCodesLeftMessage(codesLeft: number): string {
  return `Recovery code accepted. ${codesLeftSentence(codesLeft)}`;
}

export async function recoveryCodeUsedNotice(user: Recipient, codesLeft: number): Promise<void> {
  await enqueueMail("recovery_code_used", user.email, { name: user.name, codesLeft });
}

export async function twoFactorEnabledNotice(user: Recipient): Promise<void> {
  await enqueueMail("two_factor_enabled", user.email, { name: user.name });
}

export async function twoFactorDisabledNotice(user: Recipient, byAdmin: boolean): Promise<void> {
  await enqueueMail(byAdmin ? "two_factor_admin_disabled" : "two_factor_disabled", user.email, { name: user.name });
}
