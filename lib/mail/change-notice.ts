import "server-only";
import { serverEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { currentRequestInfo } from "@/lib/request/info";
import { describeOrigin } from "@/lib/request/describe-origin";
import type { MailContent } from "@/lib/mail/layout";

/** What every factor or key change notice is queued with: who, what, when and from where. */
export interface ChangeNoticeParams {
  name: string;
  /** The passkey's or key's name, as the owner gave it. */
  item: string;
  /** ISO time of the change. */
  at: string;
  /** describeOrigin() of the request that made the change. */
  from: string;
}

/** The parameters for a change made by the current request. */
export async function changeNoticeParams(name: string, item: string, now = new Date()): Promise<ChangeNoticeParams> {
  const { ip, userAgent } = await currentRequestInfo();
  return { name, item, at: now.toISOString(), from: describeOrigin(ip, userAgent) };
}

/** One layout for the change notices: the change, when and from where, and the way to the profile. */
export function changeNoticeMail(subject: string, change: string, params: ChangeNoticeParams): MailContent {
  return {
    subject,
    greeting: `Hello ${params.name},`,
    paragraphs: [
      `${change} on your ${serverEnv.appName} account.`,
      `When: ${formatDateTime(new Date(params.at))}. From: ${params.from}.`,
      "If this was not you, reset your password at once: the first sign-in after a reset lets you remove anything you do not recognise.",
    ],
    action: { label: "Review your account", url: new URL("/profile", serverEnv.appOrigin).toString() },
  };
}
