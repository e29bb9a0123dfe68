import { describe, expect, it } from "vitest";
import { describeInventory } from "@/lib/account-review/describe-inventory";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const at = new Date(Date.UTC(2026, 11, 1, 9, 30));

describe("describeInventory", () => {
  it("lists every kind with when it was added and from where", () => {
    const lines = describeInventory({
      passkeys: [{ id: "p", label: "Laptop", addedAt: at, ip: "203.0.113.7", userAgent: CHROME }],
      apiKeys: [{ id: "k", label: "CI (lk_AbCd…)", addedAt: at, ip: null, userAgent: null }],
      authenticator: { id: "totp", label: "Authenticator app", addedAt: at, ip: "198.51.100.2", userAgent: "curl/8.0" },
      sessions: [{ id: "s", label: "Session", addedAt: at, lastSeenAt: at, ip: "203.0.113.8", userAgent: CHROME }],
    });
    expect(lines).toEqual([
      "Passkey “Laptop”, added 1 Dec 2026, 09:30 UTC from Chrome on Linux, 203.0.113.7",
      "API key “CI (lk_AbCd…)”, added 1 Dec 2026, 09:30 UTC from an unknown place (not recorded)",
      "Authenticator app, added 1 Dec 2026, 09:30 UTC from curl, 198.51.100.2",
      "Signed-in session, added 1 Dec 2026, 09:30 UTC from Chrome on Linux, 203.0.113.8",
    ]);
  });

  it("is empty for an account with nothing to review", () => {
    expect(describeInventory({ passkeys: [], apiKeys: [], authenticator: null, sessions: [] })).toEqual([]);
  });
});
