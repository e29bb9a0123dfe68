import { describe, expect, it } from "vitest";
import { CallbackRouteError, CredentialsSignin, MissingCSRF } from "@auth/core/errors";
import { authJsLogger, describeAuthJsError, type AuthJsLine } from "@/lib/auth/auth-js-logger";

describe("describeAuthJsError", () => {
  it("keeps a refused credentials sign-in at debug, without a stack", () => {
    class WrongCode extends CredentialsSignin {
      override code = "two_factor";
    }
    expect(describeAuthJsError(new WrongCode())).toEqual({
      level: "debug",
      fields: { authError: "CredentialsSignin", code: "two_factor" },
      msg: "Auth.js refused a credentials sign-in",
    });
  });

  it("makes a request's fault one warning line", () => {
    const line = describeAuthJsError(new MissingCSRF("CSRF token was missing\nmore"));
    expect(line).toEqual({ level: "warn", fields: { authError: "MissingCSRF" }, msg: "Auth.js: MissingCSRF: CSRF token was missing" });
  });

  it("keeps the thrown error, with its stack, for a fault of the server", () => {
    const outage = new Error("database is down");
    const line = describeAuthJsError(new CallbackRouteError("", { cause: { err: outage, provider: "credentials" } }));
    expect(line.level).toBe("error");
    expect(line.fields.err).toBe(outage);
    expect(line.msg).toBe("Auth.js: CallbackRouteError: database is down");
  });
});

describe("authJsLogger", () => {
  it("leaves out the metadata of debug reports, which can hold a request body", () => {
    const lines: AuthJsLine[] = [];
    authJsLogger((line) => lines.push(line)).debug?.("callback route error details", { body: { password: "hunter2" } });
    expect(JSON.stringify(lines)).not.toContain("hunter2");
    expect(lines).toEqual([{ level: "debug", fields: {}, msg: "Auth.js: callback route error details" }]);
  });
});
