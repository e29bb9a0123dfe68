import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isStaticTwin, staticTwinFor, type PageRequest } from "@/lib/security/static-pages";
import { scriptHashesOf } from "@/lib/security/static-page-hashes";
import { FLASH_COOKIE } from "@/lib/flash/flash";

function request(overrides: Partial<PageRequest> & { search?: string } = {}): PageRequest {
  return {
    method: "GET",
    pathname: "/login",
    searchParams: new URLSearchParams(overrides.search ?? ""),
    hasCookie: () => false,
    ...overrides,
  };
}

describe("staticTwinFor", () => {
  it("serves a plain GET or HEAD of a public page its prerendered twin", () => {
    expect(staticTwinFor(request())).toBe("/static/login");
    expect(staticTwinFor(request({ method: "HEAD", pathname: "/" }))).toBe("/static/home");
    expect(staticTwinFor(request({ pathname: "/register" }))).toBe("/static/register");
    expect(staticTwinFor(request({ pathname: "/forgot-password" }))).toBe("/static/forgot-password");
    // The App Router's own fetch of the page (its cache-busting parameter).
    expect(staticTwinFor(request({ search: "_rsc=abc" }))).toBe("/static/login");
  });

  it("leaves anything the page depends on to the page rendered per request", () => {
    expect(staticTwinFor(request({ method: "POST" }))).toBeNull();
    expect(staticTwinFor(request({ search: "next=%2Fprofile" }))).toBeNull();
    expect(staticTwinFor(request({ search: "error=CredentialsSignin" }))).toBeNull();
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
    expect(isStaticTwin("/static/login")).toBe(true);
    expect(isStaticTwin("/static/home")).toBe(true);
    expect(isStaticTwin("/login")).toBe(false);
  });
});

describe("scriptHashesOf", () => {
  const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("hashes each inline script and takes each external script's integrity hash", () => {
    const html =
      `<script src="/_next/a.js" integrity="sha256-AAAA" async=""></script>` +
      `<script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"x"])</script>`;
    expect(scriptHashesOf(html)).toEqual([
      "'sha256-AAAA'",
      sha("(self.__next_f=self.__next_f||[]).push([0])"),
      sha('self.__next_f.push([1,"x"])'),
    ]);
  });

  it("refuses a page with an external script the policy could not allow", () => {
    expect(scriptHashesOf(`<script src="/_next/a.js"></script>`)).toBeNull();
  });
});
