import { describe, expect, it } from "vitest";
import { methodLabel, routeMatcher, statusClass, UNMATCHED_ROUTE } from "@/lib/server/route-patterns.mjs";

// The shape of .next/routes-manifest.json.
const routeOf = routeMatcher({
  staticRoutes: [{ page: "/" }, { page: "/login" }, { page: "/reset-password" }, { page: "/api/health" }],
  dynamicRoutes: [
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
    { page: "/users/[id]", regex: "^/users/([^/]+?)(?:/)?$" },
  ],
});

describe("the route label of a request", () => {
  it("is the page's pattern, never the path with its token or id", () => {
    expect(routeOf("/login")).toBe("/login");
    expect(routeOf("/login/")).toBe("/login");
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
    expect(routeOf("/users/9f2c41d0e7")).toBe("/users/[id]");
  });

  it("groups the framework's assets and names the metrics route", () => {
    expect(routeOf("/_next/static/chunks/abc123.js")).toBe("/_next/static");
    expect(routeOf("/_next/image")).toBe("/_next/image");
    expect(routeOf("/metrics")).toBe("/metrics");
  });

  it("is one fixed label for anything the build has no route for", () => {
    expect(routeOf("/wp-admin/setup.php")).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/favicon.ico")).toBe(UNMATCHED_ROUTE);
    expect(routeMatcher({})("/login")).toBe(UNMATCHED_ROUTE);
  });
});

describe("the method and status labels", () => {
  it("keep to a few values", () => {
    expect(methodLabel("GET")).toBe("GET");
    expect(methodLabel("BREW")).toBe("other");
    expect(methodLabel(undefined)).toBe("other");
    expect(statusClass(200)).toBe("2xx");
    expect(statusClass(307)).toBe("3xx");
    expect(statusClass(503)).toBe("5xx");
    expect(statusClass(0)).toBe("other");
  });
});
