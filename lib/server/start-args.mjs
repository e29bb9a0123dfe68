import { parseArgs } from "node:util";

export const START_USAGE =
  "Usage: npm start -- [directory] [-p|--port <port>] [-H|--hostname <host>] [--keepAliveTimeout <ms>]\n" +
  "  (the flags of `next start`; WEB_CONCURRENCY sets the number of processes)";

/**
 * The arguments of `npm start --`, the same as `next start`'s, so scripts
 * and tests written for `next start` keep working: the project directory,
 * the port (else $PORT, else 3000), the host to bind (else every address),
 * and the keep-alive timeout.
 * @param {string[]} args
 * @param {{ PORT?: string }} env
 * @returns {{ dir: string, port: number, hostname: string | undefined, keepAliveTimeout: number | undefined }}
 */
export function parseStartArgs(args, env) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: "string", short: "p" },
      hostname: { type: "string", short: "H" },
      keepAliveTimeout: { type: "string" },
    },
  });
  if (positionals.length > 1) throw new Error(`one project directory at most, not ${positionals.join(" ")}`);
  const port = wholeNumber("port", values.port ?? env.PORT ?? "3000", 0, 65_535);
  const keepAliveTimeout =
    values.keepAliveTimeout === undefined ? undefined : wholeNumber("keepAliveTimeout", values.keepAliveTimeout, 0, 2 ** 31 - 1);
  return { dir: positionals[0] ?? ".", port, hostname: values.hostname || undefined, keepAliveTimeout };
}

/** @param {string} name @param {string} text @param {number} min @param {number} max */
function wholeNumber(name, text, min, max) {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}
