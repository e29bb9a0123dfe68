import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/server/log.mjs";
import { parseLogLevel } from "@/lib/server/log-levels.mjs";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { stream, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with time, level name, msg and pid", () => {
    const out = capture();
    createLogger("info", out.stream).info({ event: "sign_in.failed" }, "Sign-in failed");
    const [record] = out.records();
    expect(record).toMatchObject({ level: "info", msg: "Sign-in failed", pid: process.pid, event: "sign_in.failed" });
    expect(new Date(String(record?.time)).toISOString()).toBe(record?.time);
  });

  it("drops lines below its level", () => {
    const out = capture();
    const logger = createLogger("warn", out.stream);
    logger.info("not written");
    logger.warn("written");
    expect(out.records().map((record) => record.msg)).toEqual(["written"]);
  });

  it("redacts secrets logged by mistake, at the top level, one level down and in headers", () => {
    const out = capture();
    createLogger("info", out.stream).info(
      {
        password: "hunter2-hunter2",
        form: { token: "reset-token-value", email: "a@example.com" },
        req: { headers: { authorization: "Basic c2VjcmV0", cookie: "session=abc", "user-agent": "test" } },
      },
      "oops",
    );
    const line = JSON.stringify(out.records()[0]);
    for (const secret of ["hunter2-hunter2", "reset-token-value", "c2VjcmV0", "session=abc"]) expect(line).not.toContain(secret);
    expect(line).toContain("a@example.com");
    expect(line).toContain('"user-agent":"test"');
  });
});

describe("parseLogLevel", () => {
  it("is info when unset and refuses unknown names", () => {
    expect(parseLogLevel(undefined)).toBe("info");
    expect(parseLogLevel(" warn ")).toBe("warn");
    expect(() => parseLogLevel("loud")).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });
});
