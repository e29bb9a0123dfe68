import "server-only";

export async function exitUnlessConfigured(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

/** Starts this process's mail sender, and says once where mail goes when it cannot go out. */
export async function startBackgroundWork(): Promise<void> {
  const [{ serverEnv }, { startMailSender }] = await Promise.all([import("@/lib/env"), import("@/lib/mail/sender")]);
  const transport = startMailSender();
  if (transport === "log" && serverEnv.isProduction) {
    console.warn(
      "SMTP_URL is not set: mail (password resets, email confirmations) is not sent, only noted in this log. " +
        "Set SMTP_URL and AUTH_URL to send it.",
    );
  }
}
