import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CREDENTIAL_HEADER_LENGTH, parseCredentials, type CredentialSources } from "@/lib/api/parse-credentials";

const base64Of = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** Header values that reach every branch: noise, schemes with junk, and well-formed Basic. */
const headerText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ maxLength: 1100 }),
  fc
    .tuple(
      fc.constantFrom("Basic", "basic", "BASIC", "Bearer", "bearer", "Digest", ""),
      fc.constantFrom(" ", "  ", "\t", " \t "),
      fc.oneof(
        fc.string({ maxLength: 100 }),
        fc.base64String({ maxLength: 200 }),
        fc.string({ unit: "grapheme", maxLength: 60 }).map(base64Of),
        fc.tuple(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 })).map(([a, b]) => base64Of(`${a}:${b}`)),
      ),
    )
    .map(([scheme, space, value]) => `${scheme}${space}${value}`),
);

const sources: fc.Arbitrary<CredentialSources> = fc.record({
  apiKeyHeader: fc.option(headerText, { nil: null }),
  authorization: fc.option(headerText, { nil: null }),
  queryApiKey: fc.option(fc.string({ maxLength: 100 }), { nil: null, freq: 4 }),
  allowKeyInQuery: fc.boolean(),
});

/** The Basic value as parseCredentials reads it: everything after the scheme. */
function decodedBasicValue(authorization: string): string {
  const [, ...rest] = authorization.trim().split(/\s+/);
  return Buffer.from(rest.join(" "), "base64").toString("utf8");
}

describe("parseCredentials (properties)", () => {
  it("never throws, and always answers one of the known kinds", () => {
    fc.assert(
      fc.property(sources, (input) => {
        const result = parseCredentials(input);
        expect(["none", "api_key", "basic", "malformed", "key_in_query"]).toContain(result.kind);
        if (result.kind === "malformed") expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("answers 'basic' only for a Basic header whose decoded value has a colon, split at the first one", () => {
    fc.assert(
      fc.property(sources, (input) => {
        const result = parseCredentials(input);
        if (result.kind !== "basic") return;
        expect(input.queryApiKey).toBeNull();
        expect(input.apiKeyHeader).toBeNull();
        const authorization = input.authorization ?? "";
        expect(authorization.length).toBeLessThanOrEqual(MAX_CREDENTIAL_HEADER_LENGTH);
        expect(authorization.trim().split(/\s+/)[0]?.toLowerCase()).toBe("basic");
        const decoded = decodedBasicValue(authorization);
        expect(decoded).toContain(":");
        expect(result.email).not.toContain(":");
        expect(`${result.email}:${result.password}`).toBe(decoded);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads back any email:password it was given in a Basic header", () => {
    const email = fc.string({ unit: "grapheme", maxLength: 60 }).filter((text) => !text.includes(":"));
    const password = fc.string({ unit: "grapheme", maxLength: 100 });
    fc.assert(
      fc.property(email, password, fc.constantFrom("Basic", "basic"), (user, secret, scheme) => {
        const authorization = `${scheme} ${base64Of(`${user}:${secret}`)}`;
        fc.pre(authorization.length <= MAX_CREDENTIAL_HEADER_LENGTH && `${user}:${secret}`.length > 0);
        expect(parseCredentials({ apiKeyHeader: null, authorization, queryApiKey: null, allowKeyInQuery: false })).toEqual({
          kind: "basic",
          email: user,
          password: secret,
        });
      }),
    );
  });

  it("refuses any header over the length limit, whatever it holds", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: MAX_CREDENTIAL_HEADER_LENGTH + 1, maxLength: MAX_CREDENTIAL_HEADER_LENGTH + 200 }),
        fc.boolean(),
        (header, asApiKey) => {
          const result = parseCredentials({
            apiKeyHeader: asApiKey ? header : null,
            authorization: asApiKey ? null : header,
            queryApiKey: null,
            allowKeyInQuery: false,
          });
          expect(result).toEqual({ kind: "malformed", message: "The credentials header is too long." });
        },
      ),
    );
  });

  it("refuses a key in the query string unless it is allowed, whatever else is sent", () => {
    fc.assert(
      fc.property(sources, fc.string({ maxLength: 100 }), (input, key) => {
        const result = parseCredentials({ ...input, queryApiKey: key });
        expect(result).toEqual(input.allowKeyInQuery ? { kind: "api_key", key: key.trim() } : { kind: "key_in_query" });
      }),
    );
  });
});
