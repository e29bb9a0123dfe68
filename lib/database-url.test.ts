import { describe, expect, it } from "vitest";
import { DEFAULT_SQLITE_URL, resolveDatabase } from "@/lib/database-url";

describe("resolveDatabase", () => {
  it("uses the SQLite file under data/ by default", () => {
    expect(DEFAULT_SQLITE_URL).toMatch(/^file:/);
  });

  it.each([
    ["undefined", undefined],
    ["an empty string", ""],
    ["only whitespace", "  \t\n"],
  ])("falls back to the default SQLite database for %s", (_label, raw) => {
    expect(resolveDatabase(raw)).toEqual({ provider: "sqlite", url: DEFAULT_SQLITE_URL });
  });

  it.each([
    ["file:./data/latchkey.db", "file:./data/latchkey.db"],
    ["file:/var/lib/latchkey/prod.db", "file:/var/lib/latchkey/prod.db"],
    ["file:dev.db?connection_limit=1", "file:dev.db?connection_limit=1"],
    ["  file:./data/other.db  ", "file:./data/other.db"],
  ])("selects SQLite for %j", (raw, url) => {
    expect(resolveDatabase(raw)).toEqual({ provider: "sqlite", url });
  });

  it.each([
    ["postgres://user:pass@localhost:5432/latchkey", "postgres://user:pass@localhost:5432/latchkey"],
    ["postgresql://user:pass@db.internal/latchkey?sslmode=require", "postgresql://user:pass@db.internal/latchkey?sslmode=require"],
    ["\npostgresql://localhost/latchkey\n", "postgresql://localhost/latchkey"],
  ])("selects PostgreSQL for %j", (raw, url) => {
    expect(resolveDatabase(raw)).toEqual({ provider: "postgresql", url });
  });

  it.each([
    "mysql://x",
    "mysql://root:hunter2@localhost/latchkey",
    "sqlite:./data/latchkey.db",
    "postgres:/missing-slash",
    "https://example.com/db",
    "./data/latchkey.db",
    "latchkey.db",
  ])("rejects %j with an error naming DATABASE_URL", (raw) => {
    expect(() => resolveDatabase(raw)).toThrow(/DATABASE_URL/);
  });

  it("names the rejected scheme but does not echo credentials from the URL", () => {
    let message = "";
    try {
      resolveDatabase("mysql://root:hunter2@db.example/latchkey");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain('"mysql:');
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("root");
    expect(message).not.toContain("db.example");
  });
});
