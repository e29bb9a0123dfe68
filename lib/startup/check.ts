import "server-only";

export async function exitUnlessConfigured(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    // Without a configuration there is no LOG_LEVEL either: this line is always written.
    const { createLogger } = await import("@/lib/server/log.mjs");
    createLogger("info").fatal(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/**
 * Starts this process's mail sender and its sweep of spent sessions and
 * tokens, gives the metrics their database figures, and says once where mail goes when it cannot go out, and why
 * passkeys are off when they are. A graceful stop (scripts/start.mjs) lets
 * both finish what they are doing, before the database connections close.
 */
export async function startBackgroundWork(): Promise<void> {
  const [
    { serverEnv },
    { startMailSender, stopMailSender },
    { mailCatalog },
    { onShutdown },
    { startPruning },
    { passkeySupport },
    { log },
    { registerMetricSamplers },
  ] = await Promise.all([
      import("@/lib/env"),
      import("@/lib/mail/sender"),
      import("@/lib/startup/mail-catalog"),
      import("@/lib/lifecycle/shutdown.mjs"),
      import("@/lib/maintenance/pruning"),
      import("@/lib/passkeys/relying-party"),
      import("@/lib/log/logger"),
      import("@/lib/startup/metric-samplers"),
    ]);
  registerMetricSamplers();
  const transport = startMailSender(mailCatalog);
  onShutdown(stopMailSender);
  const pruner = startPruning();
  onShutdown(pruner.stop);
  const passkeys = passkeySupport();
  if (!passkeys.available) log.warn(passkeys.reason);
  if (transport === "log" && serverEnv.isProduction) {
    log.warn(
      "SMTP_URL is not set: mail (password resets, email confirmations) is not sent, only noted in this log. " +
        "Set SMTP_URL and AUTH_URL to send it.",
    );
  }
}
