import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProvider, fetchGitHubProfile, identityFromProfile } from "@/lib/federated/providers";
import type { FederatedProviderSettings } from "@/lib/federated/settings";

// GitHub's JSON answered by a local HTTP server (the shape of its REST API),
// so the provider's own userinfo request runs as in production.
interface GitHubAccount {
  user: Record<string, unknown>;
  emails: { email: string; primary: boolean; verified: boolean }[] | null;
}

const accounts = new Map<string, GitHubAccount>();
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

describe("OpenID Connect profiles", () => {
  it("Google: the address is confirmed only with email_verified true", () => {
    expect(identityFromProfile("google", { sub: "g-1", email: "a@example.test", email_verified: true, name: "A" })).toMatchObject({
      providerAccountId: "g-1",
      emailVerified: true,
    });
    expect(identityFromProfile("google", { sub: "g-2", email: "b@example.test", email_verified: false })).toMatchObject({ emailVerified: false });
    expect(identityFromProfile("google", { sub: "g-3", email: "c@example.test", email_verified: "true" })).toMatchObject({ emailVerified: false });
  });

  it("Microsoft Entra ID: never confirmed, even with a claim saying so", () => {
    expect(identityFromProfile("microsoft-entra-id", { sub: "e-1", email: "d@example.test", email_verified: true, name: "D" })).toMatchObject({
      email: "d@example.test",
      emailVerified: false,
    });
  });

  it("the generic provider: named after preferred_username without a name; no subject, no identity", () => {
    expect(identityFromProfile("oidc", { sub: "o-1", preferred_username: "dee", email: "e@example.test", email_verified: true })).toMatchObject({
      name: "dee",
      emailVerified: true,
    });
    expect(identityFromProfile("oidc", { email: "f@example.test" })).toBeNull();
  });

  it("asks for PKCE, state and a nonce", () => {
    const settings = { ...github, id: "oidc" as const, name: "SSO", issuer: "https://sso.example.test" };
    expect(buildProvider(settings).checks).toEqual(["pkce", "state", "nonce"]);
    expect(buildProvider({ ...settings, id: "google" }).checks).toEqual(["pkce", "state", "nonce"]);
    expect(buildProvider({ ...settings, id: "microsoft-entra-id" }).checks).toEqual(["pkce", "state", "nonce"]);
  });
});
