export const START_USAGE: string;
export function parseStartArgs(
  args: string[],
  env: { PORT?: string },
): { dir: string; port: number; hostname: string | undefined; keepAliveTimeout: number | undefined };
