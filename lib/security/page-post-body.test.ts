import { describe, expect, it } from "vitest";
import { checkPagePostBody, PAGE_POST_BODY_LIMIT_BYTES } from "@/lib/security/page-post-body";

const URL = "http://localhost/login";

function post(body: BodyInit | null, headers: Record<string, string>): Request {
  return new Request(URL, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A multipart body as a browser builds it. */
async function multipart(fields: Record<string, string>): Promise<{ body: ArrayBuffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  return { body: await encoded.arrayBuffer(), contentType: encoded.headers.get("content-type") ?? "" };
}

describe("the envelope of a POST to a page", () => {
  it("lets other methods and well-formed forms through", async () => {
    expect(await checkPagePostBody(new Request(URL))).toBeNull();
    const { body, contentType } = await multipart({ $ACTION_ID_abc: "", email: "a@example.com" });
    expect(await checkPagePostBody(post(body, { "content-type": contentType }))).toBeNull();
  });

  it("lets React's action calls through: JSON text, or multipart with the arguments under 0", async () => {
    expect(await checkPagePostBody(post('["$K1"]', { "next-action": "ab", "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    const { body, contentType } = await multipart({ "0": '["$K1"]', "1_email": "a@example.com" });
    expect(await checkPagePostBody(post(body, { "next-action": "ab", "content-type": contentType }))).toBeNull();
  });

  it("answers a multipart body that does not parse with 400", async () => {
    for (const contentType of ["multipart/form-data; boundary=x", "multipart/form-data"]) {
      expect(await checkPagePostBody(post("garbage", { "content-type": contentType }))).toMatchObject({ status: 400 });
    }
    const { body, contentType } = await multipart({ email: "a@example.com" });
    const cut = body.slice(0, body.byteLength - 10);
    expect(await checkPagePostBody(post(cut, { "content-type": contentType }))).toMatchObject({ status: 400 });
  });

  it("answers an action call whose arguments are not JSON with 400", async () => {
    expect(await checkPagePostBody(post("{nope", { "next-action": "ab", "content-type": "text/plain" }))).toMatchObject({ status: 400 });
    expect(await checkPagePostBody(post("\u0000", { "next-action": "ab" }))).toMatchObject({ status: 400 });
    const { body, contentType } = await multipart({ "1_email": "a@example.com" });
    expect(await checkPagePostBody(post(body, { "next-action": "ab", "content-type": contentType }))).toMatchObject({ status: 400 });
  });

  it("answers an action call whose JSON is not a plain argument list with 400 (lib/security/react-reply.ts)", async () => {
    for (const text of ["1", '"abc"', '{"email":"a@example.com"}', '["$Q1"]']) {
      expect(await checkPagePostBody(post(text, { "next-action": "ab", "content-type": "text/plain" })), text).toMatchObject({ status: 400 });
    }
    const { body, contentType } = await multipart({ "0": '[{"status":"idle"},"$@1"]', "1_email": "a@example.com" });
    expect(await checkPagePostBody(post(body, { "next-action": "ab", "content-type": contentType }))).toMatchObject({ status: 400 });
    const noJs = await multipart({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"ab","bound":"$@1"}', "$ACTION_1:1": "{x", email: "a" });
    expect(await checkPagePostBody(post(noJs.body, { "content-type": noJs.contentType }))).toMatchObject({ status: 400 });
  });

  it("answers content types no form sends with 415", async () => {
    for (const contentType of ["application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/mixed; boundary=x"]) {
      expect(await checkPagePostBody(post("a=b", { "content-type": contentType })), contentType).toMatchObject({ status: 415 });
    }
    expect(await checkPagePostBody(post("a=b", {}))).toMatchObject({ status: 415 });
  });

  it("answers a body over the limit with 413, whether announced or not", async () => {
    const big = new Uint8Array(PAGE_POST_BODY_LIMIT_BYTES + 1);
    const headers = { "content-type": "multipart/form-data; boundary=x" };
    expect(await checkPagePostBody(post(big, { ...headers, "content-length": String(big.byteLength) }))).toMatchObject({ status: 413 });
    // Streamed, no length announced: refused as soon as it passes the limit.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    expect(await checkPagePostBody(post(endless, headers))).toMatchObject({ status: 413 });
    expect(sent).toBeLessThan(PAGE_POST_BODY_LIMIT_BYTES + 256 * 1024);
  });
});
