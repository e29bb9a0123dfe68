import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import type { RequestInfo } from "@/lib/request/info";
import { hashToken } from "@/lib/security/random-token";
import type { SignInMethod } from "@/lib/sessions/registry";
import { describeDevice } from "@/lib/request/describe-device";
import { enqueueMail } from "@/lib/mail/outbox";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { isUniqueConstraintError } from "@/lib/db-errors";
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieName,
  newDeviceId,
  signDeviceCookie,
  verifyDeviceCookie,
} from "@/lib/sign-in-alerts/device-cookie";
import { judgeDevice, shouldMailAlert, type DeviceVerdict } from "@/lib/sign-in-alerts/decide";

/**
 * The device step of every browser sign-in, called from the one place where
 * a browser session starts (lib/auth/start-session.ts), so every way in
 * (password, password and code or recovery code, passkey, and any provider
 * added later) gets it; Basic auth and API keys start no session and carry
 * no device. The browser keeps (or is given) its device cookie, re-set on
 * each sign-in for another ~400 days; the account learns the device; and a
 * device new to an account that knows others mails the owner.
 */
export async function noteSignInDevice(
  userId: string,
  method: SignInMethod,
  request: RequestInfo,
  now = new Date(),
): Promise<DeviceVerdict> {
  const jar = await cookies();
  const name = deviceCookieName(request.secure);
  const verified = verifyDeviceCookie(jar.get(name)?.value);
  const deviceId = verified?.deviceId ?? newDeviceId();
  jar.set(name, signDeviceCookie(deviceId), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: request.secure,
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });

  const deviceHash = hashToken(deviceId);
  if (verified) {
    const { count } = await db.knownDevice.updateMany({ where: { userId, deviceHash }, data: { lastSeenAt: now } });
    if (count > 0) return judgeDevice({ knownToAccount: true, otherDevices: 0 });
  }
  let created: { id: string };
  try {
    created = await db.knownDevice.create({
      data: { userId, deviceHash, firstSeenAt: now, lastSeenAt: now, userAgent: request.userAgent, ip: request.ip },
      select: { id: true },
    });
  } catch (error) {
    // A sign-in racing this one in the same browser recorded it first.
    if (isUniqueConstraintError(error)) return "known";
    throw error;
  }
  // Counted after this device is recorded: of two first sign-ins racing from
  // two browsers, each may see the other and both mail, but neither goes unseen.
  const otherDevices = await db.knownDevice.count({ where: { userId, id: { not: created.id } } });
  const verdict = judgeDevice({ knownToAccount: false, otherDevices });
  if (verdict !== "new") return verdict;

  const device = describeDevice(request.userAgent);
  const mailed = shouldMailAlert(verdict, serverEnv.newSignInAlerts);
  if (mailed) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
    if (user) {
      await enqueueMail("new_sign_in", user.email, {
        userId,
        name: user.name,
        knownDeviceId: created.id,
        at: now.toISOString(),
        device,
        ip: request.ip,
        method,
      });
    }
  }
  await recordAuditEvent({
    action: "sign_in.new_device",
    actorId: userId,
    detail: `${device}; ${mailed ? "the owner was mailed" : "not mailed (NEW_SIGN_IN_ALERTS=false)"}`,
  });
  return verdict;
}
