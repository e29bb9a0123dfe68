/**
 * Reads the credentials a request offers, without checking them. Pure, so
 * every malformed shape is unit-tested (lib/api/parse-credentials.test.ts).
 */
export const MAX_CREDENTIAL_HEADER_LENGTH = 1024;

export type OfferedCredentials =
  | { kind: "none" }
  | { kind: "api_key"; key: string }
  | { kind: "basic"; email: string; password: string }
  | { kind: "malformed"; message: string }
  | { kind: "key_in_query" };

export interface CredentialSources {
  apiKeyHeader: string | null;
  authorization: string | null;
  queryApiKey: string | null;
  allowKeyInQuery: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseCredentials(sources: CredentialSources): OfferedCredentials {
  if (sources.queryApiKey !== null) {
    if (!sources.allowKeyInQuery) return { kind: "key_in_query" };
    return { kind: "api_key", key: sources.queryApiKey.trim() };
  }
  for (const header of [sources.apiKeyHeader, sources.authorization]) {
    if (header !== null && header.length > MAX_CREDENTIAL_HEADER_LENGTH) {
      return { kind: "malformed", message: "The credentials header is too long." };
    }
  }
  if (sources.apiKeyHeader !== null) return { kind: "api_key", key: sources.apiKeyHeader.trim() };
  if (sources.authorization === null) return { kind: "none" };

  const [scheme = "", ...rest] = sources.authorization.trim().split(/\s+/);
  const value = rest.join(" ");
  switch (scheme.toLowerCase()) {
    case "bearer":
      return { kind: "api_key", key: value };
    case "basic":
      return parseBasic(value);
    default:
      return { kind: "malformed", message: "Unsupported Authorization scheme: use Bearer or Basic." };
  }
}

function parseBasic(value: string): OfferedCredentials {
  if (value.length % 4 !== 0 || !BASE64.test(value)) {
    return { kind: "malformed", message: "Basic credentials must be base64 of email:password." };
  }
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { kind: "malformed", message: "Basic credentials must be base64 of email:password." };
  return { kind: "basic", email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
