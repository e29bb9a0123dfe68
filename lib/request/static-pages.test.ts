import { describe, expect, it } from "vitest";
import { isStaticTwin, staticTwinFor, twinShowsTheseProviders, type PageRequest } from "@/lib/request/static-pages";
import { FLASH_COOKIE } from "@/lib/flash/flash";
import { providerButtonsSignature } from "@/lib/settings/federated-providers";

function request(overrides: Partial<PageRequest> & { search?: string } = {}): PageRequest {
  return { method: "GET", pathname: "/login", searchParams: new URLSearchParams(overrides.search ?? ""), hasCookie: () => false, ...overrides };
}

describe("staticTwinFor", () => {
  it("answers a plain GET or HEAD of a public page with its prerendered twin", () => {
    expect(staticTwinFor(request())).toBe("/static/login");
    expect(staticTwinFor(request({ method: "HEAD", pathname: "/" }))).toBe("/static/home");
    expect(staticTwinFor(request({ pathname: "/register" }))).toBe("/static/register");
    expect(staticTwinFor(request({ pathname: "/forgot-password" }))).toBe("/static/forgot-password");
    expect(staticTwinFor(request({ pathname: "/static/login" }))).toBe("/static/login");
  });

  it("leaves anything the page depends on to the page rendered per request", () => {
    expect(staticTwinFor(request({ method: "POST" }))).toBeNull();
    expect(staticTwinFor(request({ search: "next=%2Fprofile" }))).toBeNull();
    expect(staticTwinFor(request({ search: "error=CredentialsSignin" }))).toBeNull();
    // The App Router's own fetches: a payload, rendered per request.
    expect(staticTwinFor(request({ search: "_rsc=abc" }))).toBeNull();
    expect(staticTwinFor(request({ rsc: true }))).toBeNull();
    expect(staticTwinFor(request({ hasCookie: (name) => name === FLASH_COOKIE }))).toBeNull();
    expect(staticTwinFor(request({ pathname: "/dashboard" }))).toBeNull();
    expect(staticTwinFor(request({ pathname: "/login/two-factor" }))).toBeNull();
  });

  it("serves a twin with provider buttons only to a server with the providers it was built with", () => {
    const built = providerButtonsSignature([{ id: "oidc", name: "Test SSO" }]);
    expect(twinShowsTheseProviders("/static/login", built, built)).toBe(true);
    expect(twinShowsTheseProviders("/static/register", "", "")).toBe(true);
    // Another provider, another name, one more, or none at all on either side.
    for (const configured of [
      providerButtonsSignature([{ id: "github", name: "Test SSO" }]),
      providerButtonsSignature([{ id: "oidc", name: "Company SSO" }]),
      providerButtonsSignature([{ id: "github", name: "GitHub" }, { id: "oidc", name: "Test SSO" }]),
      "",
    ]) {
      expect(twinShowsTheseProviders("/static/login", built, configured)).toBe(false);
      expect(twinShowsTheseProviders("/static/register", built, configured)).toBe(false);
    }
    expect(twinShowsTheseProviders("/static/login", "", built)).toBe(false);
    // The pages without buttons do not depend on them.
    expect(twinShowsTheseProviders("/static/home", "", built)).toBe(true);
    expect(twinShowsTheseProviders("/static/forgot-password", built, "")).toBe(true);
  });

  it("knows a twin's own path", () => {
    expect(isStaticTwin("/static/home")).toBe(true);
    expect(isStaticTwin("/login")).toBe(false);
  });
});
