import { describe, expect, it } from "vitest";
import { adminUsersUrl } from "@/lib/admin/urls";

describe("adminUsersUrl", () => {
  it.each([
    [{ page: 1, q: "" }, "/admin"],
    [{ page: 2, q: "" }, "/admin?page=2"],
    [{ page: 1, q: "ada" }, "/admin?q=ada"],
    [{ page: 3, q: "ada lovelace&x=1" }, "/admin?q=ada+lovelace%26x%3D1&page=3"],
  ])("puts %j at %s", (params, url) => {
    expect(adminUsersUrl(params)).toBe(url);
  });
});
