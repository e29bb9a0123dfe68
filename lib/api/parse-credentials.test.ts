import { describe, expect, it } from "vitest";
import { MAX_CREDENTIAL_HEADER_LENGTH, parseCredentials, type CredentialSources } from "@/lib/api/parse-credentials";

const none: CredentialSources = { apiKeyHeader: null, authorization: null, queryApiKey: null, allowKeyInQuery: false };
const basic = (text: string) => `Basic ${Buffer.from(text, "utf8").toString("base64")}`;

describe("parseCredentials", () => {
  it("finds nothing when nothing is offered", () => {
    expect(parseCredentials(none)).toEqual({ kind: "none" });
  });

  it("reads an API key from X-API-Key, trimmed", () => {
    expect(parseCredentials({ ...none, apiKeyHeader: "  lk_abc_def " })).toEqual({ kind: "api_key", key: "lk_abc_def" });
  });

  it("reads an API key from Authorization: Bearer, scheme in any case", () => {
    expect(parseCredentials({ ...none, authorization: "Bearer lk_abc_def" })).toEqual({ kind: "api_key", key: "lk_abc_def" });
    expect(parseCredentials({ ...none, authorization: "bearer   lk_abc_def" })).toEqual({ kind: "api_key", key: "lk_abc_def" });
  });

  it("passes an empty key on, to be refused like any unknown key", () => {
    expect(parseCredentials({ ...none, apiKeyHeader: "" })).toEqual({ kind: "api_key", key: "" });
    expect(parseCredentials({ ...none, authorization: "Bearer" })).toEqual({ kind: "api_key", key: "" });
  });

  it("prefers X-API-Key over Authorization", () => {
    expect(parseCredentials({ ...none, apiKeyHeader: "lk_one", authorization: "Bearer lk_two" })).toEqual({
      kind: "api_key",
      key: "lk_one",
    });
  });

  it("decodes Basic email:password, splitting at the first colon only", () => {
    expect(parseCredentials({ ...none, authorization: basic("ada@example.com:pass:with:colons") })).toEqual({
      kind: "basic",
      email: "ada@example.com",
      password: "pass:with:colons",
    });
    expect(parseCredentials({ ...none, authorization: basic("zoë@example.com:pässwörd 🔑") })).toEqual({
      kind: "basic",
      email: "zoë@example.com",
      password: "pässwörd 🔑",
    });
  });

  it.each([
    ["not base64", "Basic !!!not-base64!!!"],
    ["base64 of the wrong length", "Basic YWJj="],
    ["no colon", basic("ada@example.com")],
    ["empty", "Basic"],
    ["an unknown scheme", "Digest username=ada"],
    ["a bare token with no scheme", "lk_abc_def"],
  ])("reports %s as malformed", (_label, authorization) => {
    expect(parseCredentials({ ...none, authorization })).toMatchObject({ kind: "malformed" });
  });

  it("refuses over-long headers before looking at them", () => {
    const long = "x".repeat(MAX_CREDENTIAL_HEADER_LENGTH + 1);
    expect(parseCredentials({ ...none, apiKeyHeader: long })).toEqual({
      kind: "malformed",
      message: "The credentials header is too long.",
    });
    expect(parseCredentials({ ...none, authorization: `Bearer ${long}` })).toMatchObject({ kind: "malformed" });
  });

  it("refuses a key in the query string unless explicitly allowed", () => {
    expect(parseCredentials({ ...none, queryApiKey: "lk_abc_def", apiKeyHeader: "lk_other" })).toEqual({
      kind: "key_in_query",
    });
    expect(parseCredentials({ ...none, queryApiKey: "lk_abc_def", allowKeyInQuery: true })).toEqual({
      kind: "api_key",
      key: "lk_abc_def",
    });
  });
});
