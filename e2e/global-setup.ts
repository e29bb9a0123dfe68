import fs from "node:fs";
import { startMailSink } from "./support/mail-sink";
import { MAIL_DIRECTORY, SMTP_PORT } from "./support/mail-settings";
import { OIDC_CLIENT, OIDC_PORT, OIDC_REDIRECT_URIS } from "./support/oidc-settings";
import { startOidcProvider } from "./support/oidc-server";

// The SMTP server the app under test sends its mail to, in the test runner's
// own process (Playwright starts the web server first; the app only connects
// when it has mail to send). Returning the close function makes it the teardown.
export default async function globalSetup(): Promise<() => Promise<void>> {
  fs.rmSync(MAIL_DIRECTORY, { recursive: true, force: true });
  const sink = await startMailSink(SMTP_PORT, MAIL_DIRECTORY);
  // The OpenID Connect provider behind the suite app's "Sign in with Test SSO" (e2e/support/oidc-settings.ts).
  const oidc = await startOidcProvider(OIDC_PORT, [
    { id: OIDC_CLIENT.id, secret: OIDC_CLIENT.secret, redirectUris: OIDC_REDIRECT_URIS },
  ]);
  return async () => {
    await Promise.all([sink.close(), oidc.close()]);
  };
}
