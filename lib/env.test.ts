import { describe, expect, it } from "vitest";
import { loadServerEnv } from "@/lib/env";

const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) } as const;

describe("mail configuration", () => {
  it("refuses SMTP_URL without AUTH_URL in production, since mailed links need an origin", () => {
    expect(() => loadServerEnv({ ...production, SMTP_URL: "smtp://mail.example.com:587" })).toThrow(
      /AUTH_URL must be set when SMTP_URL is/,
    );
  });

  it("builds mailed links from AUTH_URL's origin only", () => {
    const env = loadServerEnv({ ...production, SMTP_URL: "smtps://u:p@mail.example.com:465", AUTH_URL: "https://auth.example.com/base/" });
    expect(env.mail).toEqual({ smtpUrl: "smtps://u:p@mail.example.com:465", from: "Latchkey <no-reply@localhost>" });
    expect(env.appOrigin).toBe("https://auth.example.com");
  });

  it("runs without SMTP_URL: mail then goes to the log, with links to localhost", () => {
    const env = loadServerEnv({ ...production, PORT: "4000" });
    expect(env.appOrigin).toBe("http://localhost:4000");
    expect(env.mail.smtpUrl).toBeNull();
    expect(env.recovery).toEqual({
      passwordResetMinutes: 30,
      passwordResetEmailsPerHour: 3,
      emailVerificationHours: 24,
      requireEmailVerification: false,
    });
  });

  it("says what is wrong with malformed values", () => {
    expect(() => loadServerEnv({ NODE_ENV: "development", SMTP_URL: "mail.example.com" })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadServerEnv({ NODE_ENV: "development", AUTH_URL: "ftp://x" })).toThrow(/AUTH_URL must be an http:\/\/ or https:\/\/ URL/);
    expect(() => loadServerEnv({ NODE_ENV: "development", PASSWORD_RESET_MINUTES: "1" })).toThrow(/PASSWORD_RESET_MINUTES must be at least 5/);
    expect(() => loadServerEnv({ NODE_ENV: "development", REQUIRE_EMAIL_VERIFICATION: "yes" })).toThrow(/REQUIRE_EMAIL_VERIFICATION must be "true" or "false"/);
    expect(() => loadServerEnv({ NODE_ENV: "development", ALLOW_API_KEY_IN_QUERY: "1" })).toThrow(/ALLOW_API_KEY_IN_QUERY must be "true" or "false"/);
  });

  it("refuses API keys in the URL unless ALLOW_API_KEY_IN_QUERY is true", () => {
    expect(loadServerEnv({ NODE_ENV: "development" }).allowApiKeyInQuery).toBe(false);
    expect(loadServerEnv({ NODE_ENV: "development", ALLOW_API_KEY_IN_QUERY: "true" }).allowApiKeyInQuery).toBe(true);
  });
});

describe("LOG_LEVEL", () => {
  it("is info unless set, and takes pino's level names", () => {
    expect(loadServerEnv({ NODE_ENV: "development" }).logLevel).toBe("info");
    expect(loadServerEnv({ NODE_ENV: "development", LOG_LEVEL: "" }).logLevel).toBe("info");
    expect(loadServerEnv({ NODE_ENV: "development", LOG_LEVEL: "debug" }).logLevel).toBe("debug");
    expect(loadServerEnv({ NODE_ENV: "development", LOG_LEVEL: "silent" }).logLevel).toBe("silent");
  });

  it("names the levels when the value is none of them", () => {
    expect(() => loadServerEnv({ NODE_ENV: "development", LOG_LEVEL: "verbose" })).toThrow(
      /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"/,
    );
  });
});

describe("TRUST_PROXY", () => {
  it("takes every form npm start applies", () => {
    for (const value of ["", "false", "true", "2", "10.0.0.1, 10.0.0.0/8, ::1"]) {
      expect(() => loadServerEnv({ NODE_ENV: "development", TRUST_PROXY: value })).not.toThrow();
    }
  });

  it("refuses anything else with a message naming the accepted forms", () => {
    expect(() => loadServerEnv({ NODE_ENV: "development", TRUST_PROXY: "yes" })).toThrow(
      /TRUST_PROXY must be "true" \(one proxy in front\), "false", the number of proxies in front \(e\.g\. 2\), or a comma-separated list of the proxies' addresses \(e\.g\. 10\.0\.0\.1,10\.0\.0\.2 or 10\.0\.0\.0\/8\), not "yes"/,
    );
  });
});

describe("NEW_SIGN_IN_ALERTS", () => {
  it("is on unless set to false, and takes only true or false", () => {
    expect(loadServerEnv({ NODE_ENV: "development" }).newSignInAlerts).toBe(true);
    expect(loadServerEnv({ NODE_ENV: "development", NEW_SIGN_IN_ALERTS: "true" }).newSignInAlerts).toBe(true);
    expect(loadServerEnv({ NODE_ENV: "development", NEW_SIGN_IN_ALERTS: "false" }).newSignInAlerts).toBe(false);
    expect(() => loadServerEnv({ NODE_ENV: "development", NEW_SIGN_IN_ALERTS: "no" })).toThrow(/NEW_SIGN_IN_ALERTS must be "true" or "false"/);
  });
});

describe("Sign in with … providers", () => {
  const dev = { NODE_ENV: "development" } as const;

  it("turns none on without their variables", () => {
    expect(loadServerEnv(dev).federatedProviders).toEqual([]);
  });

  it("turns a provider on when all its variables are set", () => {
    const env = loadServerEnv({
      ...dev,
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
      AUTH_OIDC_ISSUER: "https://sso.example.com/realms/staff",
      AUTH_OIDC_ID: "client",
      AUTH_OIDC_SECRET: "secret",
    });
    expect(env.federatedProviders.map((provider) => [provider.id, provider.name, provider.authorizationOrigin])).toEqual([
      ["github", "GitHub", "https://github.com"],
      ["oidc", "SSO", "https://sso.example.com"],
    ]);
  });

  it("names the generic provider's button after AUTH_OIDC_NAME", () => {
    const env = loadServerEnv({ ...dev, AUTH_OIDC_ISSUER: "http://localhost:9000", AUTH_OIDC_ID: "c", AUTH_OIDC_SECRET: "s", AUTH_OIDC_NAME: "Acme Login" });
    expect(env.federatedProviders[0]).toMatchObject({ id: "oidc", name: "Acme Login", issuer: "http://localhost:9000" });
  });

  it("stops start-up naming the missing variable of a half-configured provider", () => {
    expect(() => loadServerEnv({ ...dev, AUTH_GITHUB_ID: "gh-id" })).toThrow(/AUTH_GITHUB_SECRET must be set too: AUTH_GITHUB_ID is set/);
    expect(() => loadServerEnv({ ...dev, AUTH_GOOGLE_SECRET: "s" })).toThrow(/AUTH_GOOGLE_ID must be set too/);
    expect(() => loadServerEnv({ ...dev, AUTH_MICROSOFT_ENTRA_ID_ID: "i", AUTH_MICROSOFT_ENTRA_ID_SECRET: "s" })).toThrow(
      /AUTH_MICROSOFT_ENTRA_ID_ISSUER must be set too/,
    );
    expect(() => loadServerEnv({ ...dev, AUTH_OIDC_ID: "c", AUTH_OIDC_SECRET: "s" })).toThrow(/AUTH_OIDC_ISSUER must be set too/);
  });

  it("refuses an issuer that is no https:// URL, except on localhost", () => {
    expect(() => loadServerEnv({ ...dev, AUTH_OIDC_ISSUER: "http://sso.example.com", AUTH_OIDC_ID: "c", AUTH_OIDC_SECRET: "s" })).toThrow(
      /AUTH_OIDC_ISSUER must be an https:\/\/ URL/,
    );
    expect(() => loadServerEnv({ ...dev, AUTH_OIDC_ISSUER: "not a url", AUTH_OIDC_ID: "c", AUTH_OIDC_SECRET: "s" })).toThrow(/AUTH_OIDC_ISSUER must be a URL/);
  });

  it("takes an empty variable as unset", () => {
    expect(loadServerEnv({ ...dev, AUTH_GITHUB_ID: "", AUTH_GITHUB_SECRET: "" }).federatedProviders).toEqual([]);
  });
});
