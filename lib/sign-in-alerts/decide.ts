/**
 * What a browser sign-in does about its device (lib/sign-in-alerts/device.ts
 * gathers the facts, this decides):
 * - "known": the device cookie names a device this account has signed in
 *   from before: its last-seen time moves, nothing is mailed.
 * - "first": the account had no known device at all (just registered, made
 *   with `user:create`, or from before alerts existed): recorded silently.
 * - "new": the account knows other devices but not this one: recorded, and
 *   the owner is mailed "New sign-in to your account" while
 *   NEW_SIGN_IN_ALERTS is on.
 */
export type DeviceVerdict = "known" | "first" | "new";

export interface DeviceFacts {
  /** This account already has a row for the device in the cookie (the cookie verified). */
  knownToAccount: boolean;
  /** How many other devices the account knows. */
  otherDevices: number;
}

export function judgeDevice({ knownToAccount, otherDevices }: DeviceFacts): DeviceVerdict {
  if (knownToAccount) return "known";
  return otherDevices === 0 ? "first" : "new";
}

export function shouldMailAlert(verdict: DeviceVerdict, alertsOn: boolean): boolean {
  return alertsOn && verdict === "new";
}
