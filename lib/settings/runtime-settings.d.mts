export declare function publicUrl(): string | undefined;
export declare function isDevelopment(): boolean;
export declare function benchRoutesOn(): boolean;
export declare function buildDirectoryName(): ".next" | ".next-bench";
export declare function providerVariables(): Record<string, string | undefined>;
export declare function webConcurrency(): string | undefined;
export declare function bcryptNice(): number;
export declare function nativeBcryptAllowed(): boolean;
