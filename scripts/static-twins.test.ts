import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, without types
import { twinOf } from "./static-twins.mjs";

const sha = (text: string) => `sha256-${createHash("sha256").update(text).digest("base64")}`;

describe("twinOf (the postbuild record of a prerendered page)", () => {
  it("hashes each inline script and gives each external script the integrity of its file", () => {
    const html =
      `<script src="/_next/a.js" async=""></script><script src="/_next/b.js" integrity="${sha("b")}"></script>` +
      `<script>(self.__next_f=self.__next_f||[]).push([0])</script>`;
    const twin = twinOf(html, (file: string) => sha(file.slice(0, 1)));
    expect(twin.missing).toEqual([]);
    expect(twin.html).toContain(`<script src="/_next/a.js" async="" integrity="${sha("a")}"></script>`);
    expect(twin.scriptSources).toEqual([`'${sha("a")}'`, `'${sha("b")}'`, `'${sha("(self.__next_f=self.__next_f||[]).push([0])")}'`]);
  });

  it("names the scripts it cannot cover: no file, another origin, an integrity that is not the file's", () => {
    const html = `<script src="/_next/gone.js"></script><script src="https://cdn.example/x.js"></script><script src="/_next/b.js" integrity="sha256-AAAA"></script>`;
    const twin = twinOf(html, (file: string) => (file === "gone.js" ? null : sha("b")));
    expect(twin.missing).toEqual(["/_next/gone.js", "https://cdn.example/x.js", "/_next/b.js"]);
  });

  it('records the "Sign in with …" buttons the page was rendered with, none when it has none', () => {
    expect(twinOf(`<div class="mt-6" data-sign-in-providers="5b5b226f696463225d5d"><button>x</button></div>`, () => null).signInProviders).toBe(
      "5b5b226f696463225d5d",
    );
    expect(twinOf(`<main><form></form></main>`, () => null).signInProviders).toBe("");
  });
});
