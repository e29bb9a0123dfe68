import { describe, expect, it } from "vitest";
import { parseStartArgs } from "@/lib/server/start-args.mjs";

describe("npm start's arguments (next start's flags)", () => {
  it("defaults to the project directory, $PORT or 3000, every address", () => {
    expect(parseStartArgs([], {})).toEqual({ dir: ".", port: 3000, hostname: undefined, keepAliveTimeout: undefined });
    expect(parseStartArgs([], { PORT: "8080" }).port).toBe(8080);
  });

  it("reads -p and -H as scripts and tests pass them", () => {
    expect(parseStartArgs(["-H", "127.0.0.1", "-p", "3310"], { PORT: "1" })).toMatchObject({ hostname: "127.0.0.1", port: 3310 });
    expect(parseStartArgs(["--port=4000", "--hostname", "::1"], {})).toMatchObject({ hostname: "::1", port: 4000 });
  });

  it("reads a directory and the keep-alive timeout", () => {
    expect(parseStartArgs([".next-bench-floor", "--keepAliveTimeout", "65000"], {})).toMatchObject({
      dir: ".next-bench-floor",
      keepAliveTimeout: 65_000,
    });
  });

  it("refuses unknown flags, bad ports and two directories", () => {
    expect(() => parseStartArgs(["--turbo"], {})).toThrow(/Unknown option '--turbo'/);
    expect(() => parseStartArgs(["-p", "http"], {})).toThrow(/--port must be a whole number from 0 to 65535/);
    expect(() => parseStartArgs(["-p", "70000"], {})).toThrow(/--port must be/);
    expect(() => parseStartArgs([], { PORT: "x" })).toThrow(/--port must be/);
    expect(() => parseStartArgs(["a", "b"], {})).toThrow(/one project directory at most/);
  });
});
