import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { withArguments, withFormArguments, withFormStateArguments } from "@/lib/actions/argument-guard";

// notFound() throws Next.js's 404 interrupt, which it answers with a 404 for
// a fetch-style call and a form posted without JavaScript alike.
const NOT_FOUND = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

function form(fields: Record<string, string> = { email: "a@example.com" }): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

/** Calls a guarded action with arguments its type does not allow, as a forged request does. */
function callWith(action: (...args: never[]) => Promise<unknown>, ...args: unknown[]): Promise<unknown> {
  return (action as (...args: unknown[]) => Promise<unknown>)(...args);
}

describe("withFormArguments", () => {
  it("runs the action with the form", async () => {
    const body = vi.fn(async (formData: FormData) => formData.get("email"));
    expect(await withFormArguments(body)(form())).toBe("a@example.com");
  });

  it("answers anything but exactly one FormData with a 404, before the action runs", async () => {
    const body = vi.fn(async () => "ran");
    const action = withFormArguments(body);
    for (const args of [[], [1], ["abc"], [{ get: () => "x" }], [null], [form(), form()], [{ status: "idle" }, form()]]) {
      await expect(callWith(action, ...args), JSON.stringify(args)).rejects.toEqual(NOT_FOUND);
    }
    expect(body).not.toHaveBeenCalled();
  });
});

describe("withFormStateArguments", () => {
  it("runs the action with the previous state and the form", async () => {
    const action = withFormStateArguments(async (previous: { status: string }, formData: FormData) => `${previous.status} ${formData.get("email")}`);
    expect(await action({ status: "idle" }, form())).toBe("idle a@example.com");
    expect(await callWith(action, { status: "error", fieldErrors: {}, values: { email: "x" } }, form())).toBe("error a@example.com");
  });

  it("answers a forged previous state or a missing form with a 404, before the action runs", async () => {
    const body = vi.fn(async () => "ran");
    const action = withFormStateArguments(body);
    const forged = [[], [form()], [1, 2], ["abc", form()], [null, form()], [[], form()], [{ status: 1 }, form()], [{ status: "idle" }, "x"], [{ status: "idle" }, form(), 3]];
    for (const args of forged) {
      await expect(callWith(action, ...args), JSON.stringify(args)).rejects.toEqual(NOT_FOUND);
    }
    expect(body).not.toHaveBeenCalled();
  });
});

describe("withArguments", () => {
  const schema = z.tuple([z.string(), z.string().optional(), z.boolean()]);

  it("runs the action with arguments of the schema's shape", async () => {
    const action = withArguments(schema, async (answer, next, remember) => [answer, next, remember]);
    expect(await action("{}", undefined, true)).toEqual(["{}", undefined, true]);
    expect(await action("{}", "/profile", false)).toEqual(["{}", "/profile", false]);
  });

  it("answers other arguments with a 404, before the action runs", async () => {
    const body = vi.fn(async () => "ran");
    const action = withArguments(schema, body);
    for (const args of [[], ["{}"], [1, undefined, true], ["{}", 2, true], ["{}", undefined, "true"], ["{}", undefined, true, 4], [form()]]) {
      await expect(callWith(action, ...args), JSON.stringify(args)).rejects.toEqual(NOT_FOUND);
    }
    expect(body).not.toHaveBeenCalled();
  });
});
