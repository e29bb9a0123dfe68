import type { Counter, Gauge, Histogram } from "prom-client";

export interface Samplers {
  mailBacklog?: () => Promise<number> | number;
  oldestMailAgeSeconds?: () => Promise<number> | number;
  hashingQueue?: () => Promise<number> | number;
  openSessions?: () => Promise<number> | number;
}

export interface LatchkeyMetrics {
  signIns: Counter<"method" | "outcome">;
  lockouts: Counter;
  registrations: Counter;
  resetsRequested: Counter;
  resetsCompleted: Counter;
  secondFactor: Counter<"method" | "outcome">;
  mailsSent: Counter<"template">;
  mailsFailed: Counter<"template">;
  mailsGivenUp: Counter<"template">;
  mailBacklog: Gauge;
  oldestMailAge: Gauge;
  hashingQueue: Gauge;
  openSessions: Gauge;
  httpDuration: Histogram<"route" | "method" | "status_class">;
}

export function setSamplers(given: Partial<Samplers>): void;
export function metrics(): LatchkeyMetrics;
export function collectProcessMetrics(): void;
export function processMetrics(): Promise<string>;
export const METRICS_CONTENT_TYPE: string;
