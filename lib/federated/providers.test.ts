import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildProvider, fetchGitHubProfile, identityFromProfile } from "@/lib/federated/providers";
import type { FederatedProviderSettings } from "@/lib/settings/federated-providers";

// GitHub's JSON answered by a local HTTP server (the shape of its REST API),
// so the provider's own userinfo request runs as in production. The same
// server answers an OpenID Connect userinfo endpoint with the claims Google
// or Microsoft would send, so the mapping sees the bytes off the wire.
interface GitHubAccount {
  user: Record<string, unknown>;
  emails: { email: string; primary: boolean; verified: boolean }[] | null;
}

const accounts = new Map<string, GitHubAccount>();
/** An OpenID Connect access token's claims, as /userinfo answers them. */
const userinfos = new Map<string, Record<string, unknown>>();
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const token = request.headers.authorization?.replace(/^Bearer /, "") ?? "";
    const account = accounts.get(token);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.url === "/userinfo") {
      const claims = userinfos.get(token);
      return claims ? send(200, claims) : send(401, { error: "invalid_token" });
    }
    if (!account) return send(401, { message: "Bad credentials" });
    if (request.url === "/api/v3/user") return send(200, account.user);
    if (request.url === "/api/v3/user/emails") return account.emails ? send(200, account.emails) : send(404, { message: "Not Found" });
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const github: FederatedProviderSettings = {
  id: "github",
  name: "GitHub",
  clientId: "id",
  clientSecret: "secret",
  issuer: null,
  authorizationOrigin: "https://github.com",
};

async function githubIdentity(token: string) {
  const provider = buildProvider(github, { githubBaseUrl: baseUrl });
  const userinfo = provider.userinfo as { request: (context: { tokens: { access_token: string } }) => Promise<Record<string, unknown>> };
  const profile = await userinfo.request({ tokens: { access_token: token } });
  return identityFromProfile("github", profile);
}

describe("GitHub's profile", () => {
  it("takes the primary address, confirmed when GitHub has verified it", async () => {
    accounts.set("verified", {
      user: { id: 1001, login: "octo", name: "Octo Cat", email: "public@example.test" },
      emails: [
        { email: "other@example.test", primary: false, verified: true },
        { email: "octo@example.test", primary: true, verified: true },
      ],
    });
    expect(await githubIdentity("verified")).toEqual({
      provider: "github",
      providerAccountId: "1001",
      email: "octo@example.test",
      emailVerified: true,
      name: "Octo Cat",
    });
  });

  it("never counts an unverified primary address as confirmed, whatever the public profile says", async () => {
    accounts.set("unverified", {
      user: { id: 1002, login: "squatter", name: null, email: "victim@example.test" },
      emails: [
        { email: "victim@example.test", primary: true, verified: false },
        { email: "mine@example.test", primary: false, verified: true },
      ],
    });
    expect(await githubIdentity("unverified")).toMatchObject({
      providerAccountId: "1002",
      email: "victim@example.test",
      emailVerified: false,
      name: "squatter",
    });
  });

  it("has no address when GitHub does not list the emails (no user:email scope)", async () => {
    accounts.set("no-emails", { user: { id: 1003, login: "quiet", email: "public@example.test" }, emails: null });
    expect(await githubIdentity("no-emails")).toMatchObject({ email: null, emailVerified: false });
  });

  it("fails when GitHub refuses the token", async () => {
    await expect(fetchGitHubProfile(`${baseUrl}/api/v3`, "wrong")).rejects.toThrow(/answered 401/);
  });

  it("asks for PKCE and state", () => {
    expect(buildProvider(github).checks).toEqual(["pkce", "state"]);
  });
});

const google: FederatedProviderSettings = {
  id: "google",
  name: "Google",
  clientId: "1234987819200.apps.googleusercontent.com",
  clientSecret: "secret",
  issuer: null,
  authorizationOrigin: "https://accounts.google.com",
};

const entraTenant = "b9419818-09af-49c2-b0c3-653adc1f376e";
const entra: FederatedProviderSettings = {
  id: "microsoft-entra-id",
  name: "Microsoft",
  clientId: "6cb04018-a3f5-46a7-b995-940c78f5aef3",
  clientSecret: "secret",
  issuer: `https://login.microsoftonline.com/${entraTenant}/v2.0`,
  authorizationOrigin: "https://login.microsoftonline.com",
};

/** A Google ID token's claims (developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload). */
function googleClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: "https://accounts.google.com",
    azp: google.clientId,
    aud: google.clientId,
    sub: "110169484474386276334",
    at_hash: "HK6E_P6Dh8Y93mRNtsDB1Q",
    hd: "example.test",
    email: "jsmith@example.test",
    email_verified: true,
    name: "Jane Smith",
    given_name: "Jane",
    family_name: "Smith",
    picture: "https://lh3.googleusercontent.com/a/ACg8ocJ-example=s96-c",
    locale: "en",
    iat: 1353601026,
    exp: 1353604926,
    nonce: "0394852-3190485-2490358",
    ...overrides,
  };
}

/** A Microsoft identity platform v2.0 ID token's claims (learn.microsoft.com/entra/identity-platform/id-token-claims-reference), with the optional `email` claim. */
function entraClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ver: "2.0",
    iss: entra.issuer,
    aud: entra.clientId,
    iat: 1452285331,
    nbf: 1452285331,
    exp: 1452289231,
    name: "Abe Lincoln",
    nonce: "123523",
    oid: "00000000-0000-0000-66f3-3332eca7ea81",
    preferred_username: "AbeLi@contoso.example.test",
    email: "abe@contoso.example.test",
    rh: "I",
    sub: "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
    tid: entraTenant,
    uti: "AbeOpSXCt0WFzH9WOcdPAA",
    ...overrides,
  };
}

/**
 * The claims served by the stub's /userinfo and read back as a provider's
 * answer, then through both mappings: the linking rules' identity and the
 * built provider's profile() (Auth.js's user, which must agree with it).
 */
async function oidcSignIn(settings: FederatedProviderSettings, claims: Record<string, unknown>) {
  const token = `token-${userinfos.size + 1}`;
  userinfos.set(token, claims);
  const response = await fetch(`${baseUrl}/userinfo`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.ok).toBe(true);
  const profile = (await response.json()) as Record<string, unknown>;
  const provider = buildProvider(settings);
  const user = await provider.profile!(profile, { access_token: token, token_type: "bearer" });
  return { identity: identityFromProfile(settings.id, profile), user };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Google's profile", () => {
  it("is the subject, with the address confirmed when email_verified is true", async () => {
    const { identity, user } = await oidcSignIn(google, googleClaims());
    expect(identity).toEqual({
      provider: "google",
      providerAccountId: "110169484474386276334",
      email: "jsmith@example.test",
      emailVerified: true,
      name: "Jane Smith",
    });
    expect(user).toEqual({ id: "110169484474386276334", email: "jsmith@example.test", name: "Jane Smith" });
  });

  it("leaves the address unconfirmed with email_verified false", async () => {
    const { identity } = await oidcSignIn(google, googleClaims({ email: "unverified@example.test", email_verified: false }));
    expect(identity).toMatchObject({ email: "unverified@example.test", emailVerified: false });
  });

  it("counts only the boolean true: not the string \"true\", nor a missing claim", async () => {
    expect((await oidcSignIn(google, googleClaims({ email_verified: "true" }))).identity).toMatchObject({ emailVerified: false });
    expect((await oidcSignIn(google, googleClaims({ email_verified: 1 }))).identity).toMatchObject({ emailVerified: false });
    expect((await oidcSignIn(google, googleClaims({ email_verified: undefined }))).identity).toMatchObject({ emailVerified: false });
  });

  it("has no address without the email scope's claims, whatever else is there", async () => {
    const { identity, user } = await oidcSignIn(google, googleClaims({ email: undefined, email_verified: undefined }));
    expect(identity).toMatchObject({ providerAccountId: "110169484474386276334", email: null, emailVerified: false, name: "Jane Smith" });
    expect(user.email).toBeNull();
    // email_verified alone vouches for nothing.
    expect((await oidcSignIn(google, googleClaims({ email: undefined, email_verified: true }))).identity).toMatchObject({
      email: null,
      emailVerified: false,
    });
  });

  it("is no identity without a subject", async () => {
    const { identity, user } = await oidcSignIn(google, googleClaims({ sub: undefined }));
    expect(identity).toBeNull();
    expect(user.id).toBe("");
  });
});

describe("Microsoft Entra ID's profile", () => {
  it("is the subject (not the object id), and its address is never confirmed", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const { identity, user } = await oidcSignIn(entra, entraClaims());
    expect(identity).toEqual({
      provider: "microsoft-entra-id",
      providerAccountId: "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
      email: "abe@contoso.example.test",
      emailVerified: false,
      name: "Abe Lincoln",
    });
    expect(user).toEqual({ id: "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ", email: "abe@contoso.example.test", name: "Abe Lincoln" });
    // Auth.js's own profile() would fetch a photo from Microsoft Graph; ours asks nothing more.
    expect(fetchSpy.mock.calls.map(([url]) => String(url))).toEqual([`${baseUrl}/userinfo`]);
  });

  it("stays unconfirmed even with a forged email_verified claim", async () => {
    const { identity } = await oidcSignIn(entra, entraClaims({ email_verified: true }));
    expect(identity).toMatchObject({ email: "abe@contoso.example.test", emailVerified: false });
  });

  it("has no address without the email claim: preferred_username is a sign-in name, not a mailbox", async () => {
    const { identity, user } = await oidcSignIn(entra, entraClaims({ email: undefined }));
    expect(identity).toMatchObject({ email: null, emailVerified: false, name: "Abe Lincoln" });
    expect(user.email).toBeNull();
  });

  it("is no identity without a subject, even with an object id", async () => {
    expect((await oidcSignIn(entra, entraClaims({ sub: undefined }))).identity).toBeNull();
  });
});

describe("the generic OpenID Connect provider's profile", () => {
  it("is named after preferred_username without a name; no subject, no identity", () => {
    expect(identityFromProfile("oidc", { sub: "o-1", preferred_username: "dee", email: "e@example.test", email_verified: true })).toMatchObject({
      name: "dee",
      emailVerified: true,
    });
    expect(identityFromProfile("oidc", { email: "f@example.test" })).toBeNull();
  });
});

describe("the OpenID Connect providers' checks", () => {
  it("ask for PKCE, state and a nonce", () => {
    const settings = { ...github, id: "oidc" as const, name: "SSO", issuer: "https://sso.example.test" };
    expect(buildProvider(settings).checks).toEqual(["pkce", "state", "nonce"]);
    expect(buildProvider(google).checks).toEqual(["pkce", "state", "nonce"]);
    expect(buildProvider(entra).checks).toEqual(["pkce", "state", "nonce"]);
  });
});
