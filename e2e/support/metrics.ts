import { httpRequest } from "./http-client.mjs";

/** The METRICS_TOKEN of the spec servers that serve /metrics. */
export const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";

/** GET /metrics with the token (or the given Authorization header). */
export async function scrape(baseURL: string, authorization = `Bearer ${METRICS_TOKEN}`) {
  return httpRequest(`${baseURL}/metrics`, { headers: authorization ? { authorization } : {} });
}

/**
 * The value of one series in a Prometheus text exposition (0 when absent),
 * e.g. `sample(text, "latchkey_sign_ins_total", { method: "password", outcome: "success" })`.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

/** The distinct values a label takes in one metric's series. */
export function labelValues(text: string, name: string, label: string): string[] {
  const values = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name}_bucket{`) && !line.startsWith(`${name}_count{`)) continue;
    const match = new RegExp(`${label}="((?:[^"\\\\]|\\\\.)*)"`).exec(line);
    if (match?.[1] !== undefined) values.add(match[1]);
  }
  return [...values];
}
