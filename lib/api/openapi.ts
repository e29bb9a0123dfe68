/** The OpenAPI 3.1 description served at /api/openapi.json. */
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Latchkey API",
    version: "1.0.0",
    description:
      "Authenticate with an API key (created on /profile) in `X-API-Key` or `Authorization: Bearer`, with HTTP Basic " +
      "`email:password`, or with the browser's session cookie. Machine credentials never create a session or set a " +
      "cookie. Keys in the query string (`?api_key=`) are refused with 400.",
  },
  servers: [{ url: "/" }],
  security: [{ apiKey: [] }, { bearer: [] }, { basic: [] }, { session: [] }],
  paths: {
    "/api/me": {
      get: {
        summary: "The authenticated caller",
        operationId: "getMe",
        responses: {
          "200": {
            description: "The caller and how they authenticated.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Me" } } },
          },
          "400": errorResponse("Malformed credentials, or an API key in the query string."),
          "401": errorResponse(
            "Missing, wrong, revoked or unknown credentials (one answer for all), or Basic auth for an account with two-factor authentication on.",
          ),
        },
      },
    },
    "/api/health": {
      get: {
        summary: "Liveness, database reachability and how mail is sent",
        operationId: "getHealth",
        security: [],
        responses: {
          "200": { description: "Healthy.", content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } } },
          "503": {
            description: "The database cannot be reached.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } },
          },
        },
      },
    },
    "/api/ready": {
      get: {
        summary: "Readiness: the database answers, its migrations are applied and the process is not shutting down",
        operationId: "getReadiness",
        security: [],
        responses: {
          "200": { description: "Ready for traffic.", content: { "application/json": { schema: { $ref: "#/components/schemas/Readiness" } } } },
          "503": {
            description: "Not ready; `reason` says why (database unreachable, migrations not applied, shutting down).",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Readiness" } } },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      apiKey: { type: "apiKey", in: "header", name: "X-API-Key" },
      bearer: { type: "http", scheme: "bearer", description: "An API key as a Bearer token." },
      basic: {
        type: "http",
        scheme: "basic",
        description: "Email and password. Refused (401) for accounts with two-factor authentication on: use an API key.",
      },
      session: {
        type: "apiKey",
        in: "cookie",
        name: "authjs.session-token",
        description: "The browser's session cookie: authjs.session-token over plain HTTP, __Host-authjs.session-token over HTTPS.",
      },
    },
    schemas: {
      Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
      Me: {
        type: "object",
        required: ["id", "email", "emailVerified", "name", "role", "createdAt", "lastLoginAt", "authMethod", "twoFactor"],
        properties: {
          id: { type: "string" },
          email: { type: "string", format: "email" },
          emailVerified: { type: "boolean", description: "Whether the address was confirmed through a mailed link." },
          name: { type: "string" },
          role: { type: "string", enum: ["USER", "ADMIN"] },
          createdAt: { type: "string", format: "date-time" },
          lastLoginAt: { type: ["string", "null"], format: "date-time" },
          authMethod: { type: "string", enum: ["session", "api_key", "basic"] },
          twoFactor: {
            type: "object",
            description: "The account's second factors: an authenticator app (TOTP) and how many passkeys.",
            required: ["totp", "passkeys"],
            properties: { totp: { type: "boolean" }, passkeys: { type: "integer", minimum: 0 } },
          },
        },
      },
      Readiness: {
        type: "object",
        required: ["status"],
        properties: {
          status: { type: "string", enum: ["ready", "not ready"] },
          reason: { type: "string", enum: ["shutting down", "database unreachable", "migrations not applied"] },
        },
      },
      Health: {
        type: "object",
        required: ["status", "database", "mail"],
        properties: {
          status: { type: "string", enum: ["ok", "unavailable"] },
          database: { type: "string", enum: ["ok", "unavailable"] },
          mail: {
            type: "object",
            required: ["transport"],
            properties: {
              transport: {
                type: "string",
                enum: ["smtp", "log"],
                description: '"log": SMTP_URL is not set, so mail is only noted in the server log.',
              },
            },
          },
        },
      },
    },
  },
} as const;
