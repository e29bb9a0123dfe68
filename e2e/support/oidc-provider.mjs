// A real OpenID Connect provider for the e2e suite: the certified
// `oidc-provider` package with its development login and consent pages, in
// a process of its own. Any login name signs in (any password), and is the
// account's subject and email address; a login containing "unverified" has
// email_verified false, one starting "noemail" has no address at all.
//
//   node e2e/support/oidc-provider.mjs '{"port":3310,"clients":[{"id":"…","secret":"…","redirectUris":["…"]}]}'
//
// Prints "listening" once it accepts connections; stops on SIGTERM.
import Provider, { interactionPolicy } from "oidc-provider";

const config = JSON.parse(process.argv[2] ?? "{}");
const issuer = config.issuer ?? `http://localhost:${config.port}`;

function claimsOf(login) {
  if (login.startsWith("noemail")) return { sub: login, name: "No Email" };
  return {
    sub: login,
    email: login,
    email_verified: !login.includes("unverified"),
    name: login.split("@")[0].replace(/[^a-z]+/gi, " ").trim() || "Federated Person",
  };
}

// Every authorization asks for the login again: one browser signs in as several people in a test.
const policy = interactionPolicy.base();
policy.get("login").checks.add(new interactionPolicy.Check("e2e_always", "every sign-in asks for the login", (ctx) =>
  ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
));

const provider = new Provider(issuer, {
  interactions: { policy },
  clients: config.clients.map((client) => ({
    client_id: client.id,
    client_secret: client.secret,
    redirect_uris: client.redirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
  })),
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => claimsOf(id) };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ["e2e-only-oidc-provider-cookie-key"] },
  // Each sign-in asks for consent again too (the Continue page), using only the grant just given.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId;
    return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
  },
  renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = `<!DOCTYPE html><title>Provider error</title><h1>${out.error}</h1><p>${out.error_description ?? ""}</p>`;
  },
});
provider.proxy = false;
// The development pages import a web font: this machine has no network, and a browser waiting for it waits long.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === "string") ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);/, "");
});

const server = provider.listen(config.port, "127.0.0.1", () => console.log("listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
