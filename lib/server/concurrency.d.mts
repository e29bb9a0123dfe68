export function parseWebConcurrency(value: string | undefined, cores?: number): number;
export function hashingThreadsPerProcess(cores: number, processes: number): number;
