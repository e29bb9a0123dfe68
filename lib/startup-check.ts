import "server-only";

export async function exitUnlessConfigured(): Promise<void> {
  try {
    await import("@/lib/env");
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
