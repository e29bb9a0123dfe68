import type { IncomingHttpHeaders } from "node:http";

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** 60 s by default; then the request fails with code ETIMEDOUT. */
  timeoutMs?: number;
}

/** Who is asking: its user agent (LOAD_USER_AGENT by default) and its address (X-Forwarded-For; the servers trust it). */
export interface Client {
  userAgent?: string;
  ip?: string;
}

export interface Credentials {
  email: string;
  password: string;
  remember?: boolean;
  /** Where the callback sends the browser; /dashboard from postCredentials, none (Auth.js's default) otherwise. */
  callbackUrl?: string;
}

export type SignInResult = { ok: true; cookie: string; jar: CookieJar } | { ok: false; status: number; location: string };

export const LOAD_USER_AGENT: string;
export const CSRF_PATH: string;
export const CREDENTIALS_PATH: string;

export function httpRequest(url: string, options?: RequestOptions): Promise<HttpAnswer>;

export class CookieJar {
  constructor(cookies?: Iterable<[string, string]>);
  take(answer: { headers: IncomingHttpHeaders }): this;
  has(name: string): boolean;
  header(): string;
  copy(): CookieJar;
}

export function credentialsForm(csrfToken: string, user: Credentials): Record<string, string>;
export function fetchCsrf(baseURL: string, client?: Client): Promise<{ csrfToken: string; jar: CookieJar }>;
export function postCredentials(baseURL: string, csrf: { csrfToken: string; jar: CookieJar }, user: Credentials, client?: Client): Promise<SignInResult>;
export function signInOverRawHttp(baseURL: string, user: Credentials, client?: Client): Promise<SignInResult>;
