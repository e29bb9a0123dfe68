import { describe, expect, it } from "vitest";
import { adminChangeSchema, userListSchema } from "@/lib/validation/admin";

describe("userListSchema", () => {
  it("reads a page and a trimmed query", () => {
    expect(userListSchema.parse({ page: "3", q: "  Ada  " })).toEqual({ page: 3, q: "Ada" });
  });

  it("defaults to the first page of everyone", () => {
    expect(userListSchema.parse({})).toEqual({ page: 1, q: "" });
  });

  it.each([["0"], ["-2"], ["1.5"], ["two"], [""], ["Infinity"], ["1e400"], [["1", "2"]]])(
    "falls back to page 1 for %j",
    (page) => {
      expect(userListSchema.parse({ page }).page).toBe(1);
    },
  );

  it("keeps a query of 200 characters and drops a longer one", () => {
    expect(userListSchema.parse({ q: "a".repeat(200) }).q).toHaveLength(200);
    expect(userListSchema.parse({ q: "a".repeat(201) }).q).toBe("");
  });

  it("drops a repeated query parameter", () => {
    expect(userListSchema.parse({ q: ["ada", "grace"] }).q).toBe("");
  });
});

describe("adminChangeSchema", () => {
  const valid = { userId: "cku1", change: "deactivate", page: "2", q: "ada" };

  it("accepts a change with its list position", () => {
    expect(adminChangeSchema.parse(valid)).toEqual({ userId: "cku1", change: "deactivate", page: 2, q: "ada" });
  });

  it("still accepts the change when the list position is odd", () => {
    expect(adminChangeSchema.parse({ ...valid, page: "nope", q: undefined })).toMatchObject({ page: 1, q: "" });
  });

  it.each([
    ["an unknown change", { change: "delete" }],
    ["a missing change", { change: undefined }],
    ["a missing user", { userId: undefined }],
    ["an empty user id", { userId: "" }],
    ["an overlong user id", { userId: "x".repeat(101) }],
  ])("rejects %s", (_label, override) => {
    expect(adminChangeSchema.safeParse({ ...valid, ...override }).success).toBe(false);
  });
});
