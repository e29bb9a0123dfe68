export type ShutdownStage = "work" | "connections";
export function onShutdown(hook: () => unknown, options?: { stage?: ShutdownStage }): () => void;
export function runShutdownHooks(stage: ShutdownStage, timeoutMs: number): Promise<string[]>;
