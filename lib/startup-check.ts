import "server-only";

export async function exitUnlessConfigured(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/**
 * Starts this process's mail sender, and says once where mail goes when it
 * cannot go out. A graceful stop (scripts/start.mjs) lets it finish the mail
 * it is sending, before the database connections close.
 */
export async function startBackgroundWork(): Promise<void> {
  const [{ serverEnv }, { startMailSender, stopMailSender }, { onShutdown }] = await Promise.all([
    import("@/lib/env"),
    import("@/lib/mail/sender"),
    import("@/lib/lifecycle/shutdown.mjs"),
  ]);
  const transport = startMailSender();
  onShutdown(stopMailSender);
  if (transport === "log" && serverEnv.isProduction) {
    console.warn(
      "SMTP_URL is not set: mail (password resets, email confirmations) is not sent, only noted in this log. " +
        "Set SMTP_URL and AUTH_URL to send it.",
    );
  }
}
