export const START_USAGE: string;
export function parseStartArgs(
  args: string[],
  env: NodeJS.ProcessEnv,
): { dir: string; port: number; hostname: string | undefined; keepAliveTimeout: number | undefined };
