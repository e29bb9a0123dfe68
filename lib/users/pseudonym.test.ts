import { describe, expect, it } from "vitest";
import { addressesIn, newDeletedUserPseudonym, replaceAddresses } from "@/lib/users/pseudonym";

describe("deleted-user pseudonyms", () => {
  it("are random, 64 bits, one per deletion", () => {
    const a = newDeletedUserPseudonym();
    expect(a).toMatch(/^deleted-user-[0-9a-f]{16}$/);
    expect(newDeletedUserPseudonym()).not.toBe(a);
  });

  it("finds the addresses an audit detail names", () => {
    expect(addressesIn("from old-ada@example.com to ada@example.com.")).toEqual(["old-ada@example.com", "ada@example.com"]);
    expect(addressesIn("Deploy bot (lk_abc…)")).toEqual([]);
  });

  it("replaces the longer address first, so no part of it is left", () => {
    const text = "from old-ada@example.com to ada@example.com";
    expect(replaceAddresses(text, ["ada@example.com", "old-ada@example.com"], "deleted-user-1")).toBe(
      "from deleted-user-1 to deleted-user-1",
    );
  });
});
