/**
 * The check middleware runs on every POST to a page, before Next.js sees it.
 *
 * A POST to a page is a server action: React's fetch (with a `Next-Action`
 * header and a text or multipart body) or a form posted without JavaScript
 * (multipart). Next.js parses these bodies itself and answers one it cannot
 * parse, or one over its size limit, with a 500 and an error page. This
 * answers such requests first, with a 4xx and a plain sentence. It only looks
 * at the envelope (content type, size, that multipart parses, that the
 * arguments in React's wire format are plain data: lib/security/react-reply.ts);
 * what the fields say is still each action's zod schema's business.
 * Edge-safe (web APIs only).
 */

import { hasPlainBoundArguments, isPlainArgumentList } from "@/lib/security/react-reply";

/** As `experimental.serverActions.bodySizeLimit` in next.config.ts. */
export const PAGE_POST_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

export interface BodyProblem {
  status: 400 | 413 | 415;
  message: string;
}

const UNREADABLE: BodyProblem = { status: 400, message: "The form could not be read. Reload the page and try again." };
const TOO_LARGE: BodyProblem = { status: 413, message: "The form is too large to send." };
const NOT_A_FORM: BodyProblem = { status: 415, message: "Forms on this site are sent as multipart/form-data." };

export async function checkPagePostBody(request: Request): Promise<BodyProblem | null> {
  if (request.method !== "POST") return null;
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = /^multipart\/form-data\s*(;|$)/i.test(contentType);
  const fetchAction = request.headers.has("next-action");
  // A browser posts a form without JavaScript as multipart (Next.js's hidden $ACTION_ID_ fields); nothing else posts to pages.
  if (!multipart && !fetchAction) return NOT_A_FORM;

  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > PAGE_POST_BODY_LIMIT_BYTES) return TOO_LARGE;
  const body = await readAtMost(request, PAGE_POST_BODY_LIMIT_BYTES);
  if (body === "too large") return TOO_LARGE;

  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return UNREADABLE;
    }
    // React's encodeReply puts the arguments' JSON under the field "0".
    if (fetchAction ? !isPlainArgumentList(form.get("0")) : !hasPlainBoundArguments(form)) return UNREADABLE;
    return null;
  }
  return isPlainArgumentList(new TextDecoder().decode(body)) ? null : UNREADABLE;
}

/** The body, or "too large" as soon as it passes `limit` bytes (whatever Content-Length claimed). */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | "too large"> {
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
