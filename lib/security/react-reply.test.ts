import { describe, expect, it } from "vitest";
import { hasPlainBoundArguments, isPlainArgumentList } from "@/lib/security/react-reply";

describe("a fetch-style action call's arguments", () => {
  it("are accepted as React's client sends Latchkey's: plain data, FormData, undefined, escaped strings", () => {
    for (const root of [
      "[]",
      '["$K1"]',
      '[{"status":"idle"},"$K1"]',
      '[{"status":"error","message":"$undefined","fieldErrors":{"email":["Enter an email."]},"values":{"email":"$$dollar"}},"$K1"]',
      '["{\\"id\\":\\"abc\\"}","$undefined",true]',
      '[1.5,null,"$NaN","$-0","$Infinity","$-Infinity"]',
    ]) {
      expect(isPlainArgumentList(root), root).toBe(true);
    }
  });

  it("are refused when the root is no list, or when a tag would make React decode something else", () => {
    for (const root of [
      "1",
      '"abc"',
      "null",
      '{"email":"a@example.com"}',
      '["$1"]',
      '["$@1"]',
      '["$Q1"]',
      '["$W1"]',
      '["$nxyz"]',
      '["$D2020-01-01"]',
      '["$B1"]',
      '["$T"]',
      '["$h1"]',
      '["$i1"]',
      '["$R1"]',
      '["$0:0"]',
      '[{"status":"idle"},{"nested":["$Q2"]}]',
      "[" + "[".repeat(40) + "]".repeat(40) + "]",
      "{nope",
    ]) {
      expect(isPlainArgumentList(root), root).toBe(false);
    }
    expect(isPlainArgumentList(null)).toBe(false);
    expect(isPlainArgumentList(new File(["[]"], "0"))).toBe(false);
  });
});

function noJsForm(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("a form posted without JavaScript", () => {
  const meta = (bound: string) => JSON.stringify({ id: "60abc", bound });

  it("is accepted with its action named directly, or bound to plain arguments as React renders it", () => {
    expect(hasPlainBoundArguments(noJsForm({ $ACTION_ID_60abc: "", email: "a" }))).toBe(true);
    expect(
      hasPlainBoundArguments(
        noJsForm({ $ACTION_REF_1: "", "$ACTION_1:0": meta("$@1"), "$ACTION_1:1": '[{"status":"idle"}]', $ACTION_KEY: "k1", email: "a" }),
      ),
    ).toBe(true);
    expect(hasPlainBoundArguments(noJsForm({ $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: "60abc", bound: null }) }))).toBe(true);
  });

  it("is refused when its bound arguments are missing, not a list, not JSON or not plain", () => {
    for (const [label, fields] of [
      ["no metadata", { $ACTION_REF_1: "" }],
      ["metadata not JSON", { $ACTION_REF_1: "", "$ACTION_1:0": "{x" }],
      ["metadata not an object", { $ACTION_REF_1: "", "$ACTION_1:0": "5" }],
      ["no id", { $ACTION_REF_1: "", "$ACTION_1:0": '{"bound":null}' }],
      ["bound is no reference", { $ACTION_REF_1: "", "$ACTION_1:0": meta("[1]") }],
      ["bound part missing", { $ACTION_REF_1: "", "$ACTION_1:0": meta("$@1") }],
      ["bound part not JSON", { $ACTION_REF_1: "", "$ACTION_1:0": meta("$@1"), "$ACTION_1:1": "{x" }],
      ["bound part not a list", { $ACTION_REF_1: "", "$ACTION_1:0": meta("$@1"), "$ACTION_1:1": "null" }],
      ["bound part with a tag", { $ACTION_REF_1: "", "$ACTION_1:0": meta("$@1"), "$ACTION_1:1": '["$Q2"]' }],
    ] as const) {
      expect(hasPlainBoundArguments(noJsForm(fields)), label).toBe(false);
    }
  });
});
