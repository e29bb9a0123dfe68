/** Read by scripts/lib-layers.test.ts: the order of lib/'s layers, bottom first. */
export declare const LIB_ORDER: string[];
export declare const ROOT_FILES: Set<string>;
declare const config: unknown[];
export default config;
