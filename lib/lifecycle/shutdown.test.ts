import { describe, expect, it, vi } from "vitest";
import { onShutdown, runShutdownHooks } from "@/lib/lifecycle/shutdown.mjs";

describe("shutdown hooks", () => {
  it("runs work before connections, each once", async () => {
    const order: string[] = [];
    onShutdown(() => order.push("database closed"), { stage: "connections" });
    onShutdown(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push("mail sent");
    });
    onShutdown(() => order.push("other work"));
    expect(await runShutdownHooks(1_000)).toEqual([]);
    expect(order).toEqual(["other work", "mail sent", "database closed"]);
    await runShutdownHooks(1_000);
    expect(order).toHaveLength(3);
  });

  it("reports a hook that fails or hangs, and still runs the others", async () => {
    let closed = false;
    onShutdown(() => {
      throw new Error("outbox busy");
    });
    onShutdown(() => new Promise(() => {}));
    onShutdown(() => (closed = true), { stage: "connections" });
    const started = Date.now();
    const problems = await runShutdownHooks(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(problems).toEqual(["work: outbox busy", "work: shutdown hook still running after 100 ms"]);
    expect(closed).toBe(true);
  });

  it("forgets a hook that was removed", async () => {
    let ran = false;
    const remove = onShutdown(() => (ran = true));
    remove();
    await runShutdownHooks(100);
    expect(ran).toBe(false);
  });

  it("keeps one list for every copy of the module (app bundle and server entry)", async () => {
    let ran = false;
    vi.resetModules();
    const copy = await import("@/lib/lifecycle/shutdown.mjs");
    expect(copy.onShutdown).not.toBe(onShutdown);
    copy.onShutdown(() => (ran = true));
    await runShutdownHooks(100);
    expect(ran).toBe(true);
  });
});
