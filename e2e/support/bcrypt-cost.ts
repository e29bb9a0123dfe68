/**
 * The bcrypt cost of every server and operator process the suite starts:
 * the lowest lib/env.ts allows, a quarter of the default's work. Every hash
 * and comparison is still real bcrypt; at the default 12 it was most of the
 * servers' CPU in a run.
 */
export const E2E_BCRYPT_COST = "10";
