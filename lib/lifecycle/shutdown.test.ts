import { describe, expect, it, vi } from "vitest";
import { onShutdown, runShutdownHooks } from "@/lib/lifecycle/shutdown.mjs";

async function runBoth(timeoutMs: number): Promise<string[]> {
  return [...(await runShutdownHooks("work", timeoutMs)), ...(await runShutdownHooks("connections", timeoutMs))];
}

describe("shutdown hooks", () => {
  it("runs each stage's hooks together, each once, and only that stage's", async () => {
    const order: string[] = [];
    onShutdown(() => order.push("database closed"), { stage: "connections" });
    onShutdown(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push("mail sent");
    });
    onShutdown(() => order.push("other work"));
    expect(await runShutdownHooks("work", 1_000)).toEqual([]);
    expect(order).toEqual(["other work", "mail sent"]);
    expect(await runShutdownHooks("connections", 1_000)).toEqual([]);
    expect(order).toEqual(["other work", "mail sent", "database closed"]);
    await runBoth(1_000);
    expect(order).toHaveLength(3);
  });

  it("reports a hook that fails or hangs, and still runs the others", async () => {
    let closed = false;
    let finished = false;
    onShutdown(() => {
      throw new Error("outbox busy");
    });
    onShutdown(() => new Promise(() => {}));
    onShutdown(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
    });
    onShutdown(() => (closed = true), { stage: "connections" });
    const started = Date.now();
    const problems = await runBoth(150);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(problems).toEqual(["work: outbox busy", "work: shutdown hook still running after 150 ms"]);
    expect(finished).toBe(true);
    expect(closed).toBe(true);
  });

  it("forgets a hook that was removed", async () => {
    let ran = false;
    const remove = onShutdown(() => (ran = true));
    remove();
    await runBoth(100);
    expect(ran).toBe(false);
  });

  it("keeps one list for every copy of the module (app bundle and server entry)", async () => {
    let ran = false;
    vi.resetModules();
    const copy = await import("@/lib/lifecycle/shutdown.mjs");
    expect(copy.onShutdown).not.toBe(onShutdown);
    copy.onShutdown(() => (ran = true));
    await runShutdownHooks("work", 100);
    expect(ran).toBe(true);
  });
});
