/** A made-up client address from the TEST-NET-2 range (RFC 5737). */
export function randomClientIp(): string {
  return `198.51.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
}
