import { randomUUID } from "node:crypto";
import { randomClientIp } from "./client-address";
import { fetchCsrf, postCredentials } from "./http-client.mjs";
import type { RegistrationOutcome } from "./registration";

type Register = (baseURL: string, user: { name: string; email: string; password: string }, ip: string) => Promise<RegistrationOutcome>;

export interface Attempt {
  kind: "register" | "csrf" | "sign-in";
  email: string;
  password: string;
  startedAt: number;
  finishedAt: number;
  /** "ok" when it was answered with success; an HTTP status or Node's error code otherwise. */
  result: "ok" | number | string;
}

/**
 * `clients` loops that each register a new user, then sign in with it, over
 * and over, every request on a connection of its own, until `stop()`; every
 * request is recorded with when it started and how it ended. A client ends
 * at its first connection error (the server is gone).
 */
export function startRegistrationLoad(baseURL: () => string, register: Register, clients = 8) {
  const attempts: Attempt[] = [];
  let stopped = false;
  const attempt = async (kind: Attempt["kind"], email: string, password: string, run: () => Promise<"ok" | number>) => {
    const startedAt = Date.now();
    let result: Attempt["result"];
    try {
      result = await run();
    } catch (error) {
      result = (error as NodeJS.ErrnoException).code ?? String(error);
    }
    attempts.push({ kind, email, password, startedAt, finishedAt: Date.now(), result });
    return result;
  };
  const client = async (index: number) => {
    // Its own address: registration is limited per address and hour.
    let ip = randomClientIp();
    for (let round = 0; !stopped; round++) {
      if (round % 8 === 7) ip = randomClientIp();
      const email = `load-${index}-${randomUUID()}@example.test`;
      const password = `load passphrase ${randomUUID()}`;
      const registered = await attempt("register", email, password, async () => {
        const outcome = await register(baseURL(), { name: `Load ${index}`, email, password }, ip);
        return outcome === "registered" ? "ok" : outcome === "duplicate" ? 409 : outcome.status;
      });
      if (typeof registered === "string" && registered !== "ok") return;
      if (registered !== "ok" || stopped) continue;
      let csrf: Awaited<ReturnType<typeof fetchCsrf>> | undefined;
      const token = await attempt("csrf", email, password, async () => {
        csrf = await fetchCsrf(baseURL(), { ip });
        return "ok";
      });
      if (!csrf || stopped) {
        if (token !== "ok") return;
        continue;
      }
      const form = csrf;
      const signedIn = await attempt("sign-in", email, password, async () => {
        const result = await postCredentials(baseURL(), form, { email, password }, { ip });
        return result.ok ? "ok" : result.status;
      });
      if (typeof signedIn === "string" && signedIn !== "ok") return;
    }
  };
  const running = Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return {
    attempts,
    /** Ends the loops and waits for their last requests. */
    async stop() {
      stopped = true;
      await running;
      return attempts;
    },
    /** Resolves once `count` requests have been answered with success. */
    async waitForSuccesses(count: number, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (attempts.filter((a) => a.result === "ok").length < count) {
        if (Date.now() > deadline) {
          const results = attempts.map((a) => `${a.kind}: ${a.result}`);
          throw new Error(`only ${attempts.filter((a) => a.result === "ok").length} successes of ${count}: ${results.slice(0, 20).join(", ")}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
