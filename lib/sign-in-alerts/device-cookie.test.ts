import { describe, expect, it } from "vitest";
import {
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieName,
  newDeviceId,
  signDeviceCookie,
  verifyDeviceCookie,
} from "@/lib/sign-in-alerts/device-cookie";

const OLD = "an-old-secret-that-was-rotated-away-0123456789";
const NEW = "the-current-secret-after-rotation-abcdefghijkl";

describe("device cookie", () => {
  it("carries a random 256-bit id, signed, and verifies to that id", () => {
    const id = newDeviceId();
    expect(id).toMatch(/^[\w-]{43}$/);
    expect(newDeviceId()).not.toBe(id);
    const cookie = signDeviceCookie(id, [NEW]);
    expect(cookie).toMatch(/^v1\.[\w-]{43}\.[\w-]{43}$/);
    expect(verifyDeviceCookie(cookie, [NEW])).toEqual({ deviceId: id, stale: false });
  });

  it("refuses a changed id, a changed or missing signature, another secret's signature, and junk", () => {
    const id = newDeviceId();
    const cookie = signDeviceCookie(id, [NEW]);
    const [version, , mac] = cookie.split(".");
    const otherId = newDeviceId();
    expect(verifyDeviceCookie(`${version}.${otherId}.${mac}`, [NEW])).toBeNull();
    const flipped = `${mac?.slice(0, -1)}${mac?.endsWith("A") ? "B" : "A"}`;
    expect(verifyDeviceCookie(`${version}.${id}.${flipped}`, [NEW])).toBeNull();
    expect(verifyDeviceCookie(`${version}.${id}.`, [NEW])).toBeNull();
    expect(verifyDeviceCookie(`${version}.${id}`, [NEW])).toBeNull();
    expect(verifyDeviceCookie(`${version}.${id}.${mac}.extra`, [NEW])).toBeNull();
    expect(verifyDeviceCookie(`v2.${id}.${mac}`, [NEW])).toBeNull();
    expect(verifyDeviceCookie(signDeviceCookie(id, [OLD]), [NEW])).toBeNull();
    for (const junk of [null, undefined, "", id, "v1..", "x".repeat(5000)]) expect(verifyDeviceCookie(junk, [NEW])).toBeNull();
  });

  it("still verifies a cookie signed before an AUTH_SECRET rotation, and says it is stale", () => {
    const id = newDeviceId();
    const before = signDeviceCookie(id, [OLD]);
    expect(verifyDeviceCookie(before, [NEW, OLD])).toEqual({ deviceId: id, stale: true });
    // Signing again after the rotation uses the current secret.
    expect(verifyDeviceCookie(signDeviceCookie(id, [NEW, OLD]), [NEW])).toEqual({ deviceId: id, stale: false });
  });

  it("needs a secret", () => {
    expect(() => signDeviceCookie(newDeviceId(), [])).toThrow(/AUTH_SECRET is not set/);
  });

  it("is __Host- prefixed over HTTPS and lives about 400 days", () => {
    expect(deviceCookieName(true)).toBe("__Host-latchkey-device");
    expect(deviceCookieName(false)).toBe("latchkey-device");
    expect(DEVICE_COOKIE_MAX_AGE_SECONDS).toBe(400 * 24 * 60 * 60);
  });
});
