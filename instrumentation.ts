// Runs once when the server starts. Loading the configuration here makes a
// missing AUTH_SECRET or a malformed DATABASE_URL stop the server with a
// clear message, instead of a server that answers every request with an error.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { exitUnlessConfigured, startBackgroundWork } = await import("@/lib/startup/check");
  await exitUnlessConfigured();
  await startBackgroundWork();
}
