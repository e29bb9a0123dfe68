import { describe, expect, it } from "vitest";
import { judgeDevice, shouldMailAlert } from "@/lib/sign-in-alerts/decide";

describe("new-sign-in decision", () => {
  it("knows a device the account has seen, whatever else it knows", () => {
    expect(judgeDevice({ knownToAccount: true, otherDevices: 0 })).toBe("known");
    expect(judgeDevice({ knownToAccount: true, otherDevices: 3 })).toBe("known");
  });

  it("records the first device of an account silently, and calls any later unknown one new", () => {
    expect(judgeDevice({ knownToAccount: false, otherDevices: 0 })).toBe("first");
    expect(judgeDevice({ knownToAccount: false, otherDevices: 1 })).toBe("new");
    expect(judgeDevice({ knownToAccount: false, otherDevices: 12 })).toBe("new");
  });

  it("mails only for a new device, and only while alerts are on", () => {
    expect(shouldMailAlert("new", true)).toBe(true);
    expect(shouldMailAlert("new", false)).toBe(false);
    for (const verdict of ["known", "first"] as const) {
      expect(shouldMailAlert(verdict, true)).toBe(false);
      expect(shouldMailAlert(verdict, false)).toBe(false);
    }
  });
});
