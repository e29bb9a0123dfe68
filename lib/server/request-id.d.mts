import type { IncomingMessage, ServerResponse } from "node:http";
export function requestIdFrom(header: string | string[] | undefined): string;
export function withRequestId<Request extends IncomingMessage, Response extends ServerResponse>(
  handler: (request: Request, response: Response) => unknown,
): (request: Request, response: Response) => unknown;
export function currentRequestId(): string | undefined;
