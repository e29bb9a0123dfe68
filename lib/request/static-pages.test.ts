import { describe, expect, it } from "vitest";
import { isStaticTwin, staticTwinFor, type PageRequest } from "@/lib/request/static-pages";
import { FLASH_COOKIE } from "@/lib/flash/flash";

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

  it("renders the pages with provider buttons per request while any provider is configured", () => {
    expect(staticTwinFor(request({ signInProviders: true }))).toBeNull();
    expect(staticTwinFor(request({ pathname: "/register", signInProviders: true }))).toBeNull();
    expect(staticTwinFor(request({ pathname: "/forgot-password", signInProviders: true }))).toBe("/static/forgot-password");
    expect(staticTwinFor(request({ pathname: "/", signInProviders: true }))).toBe("/static/home");
  });

  it("knows a twin's own path", () => {
    expect(isStaticTwin("/static/home")).toBe(true);
    expect(isStaticTwin("/login")).toBe(false);
  });
});
