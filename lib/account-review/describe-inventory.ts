import { formatDateTime } from "@/lib/format";
import { describeOrigin } from "@/lib/request/describe-origin";
import type { AccountInventory, ReviewItem } from "@/lib/account-review/inventory";

function line(kind: string, item: ReviewItem): string {
  return `${kind}, added ${formatDateTime(item.addedAt)} from ${describeOrigin(item.ip, item.userAgent)}`;
}

/** The inventory as lines a mail can list, one per passkey, key, app and session. */
export function describeInventory(inventory: AccountInventory): string[] {
  return [
    ...inventory.passkeys.map((item) => line(`Passkey “${item.label}”`, item)),
    ...inventory.apiKeys.map((item) => line(`API key “${item.label}”`, item)),
    ...(inventory.authenticator ? [line("Authenticator app", inventory.authenticator)] : []),
    ...inventory.sessions.map((item) => line("Signed-in session", item)),
  ];
}
