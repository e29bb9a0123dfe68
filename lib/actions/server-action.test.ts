import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

// The session checks and the flash are the request's (cookies, redirects):
// stood in for here, so what is tested is the wrapper's order and answers.
const requireSession = vi.fn();
const requireFreshSession = vi.fn();
const requireAdmin = vi.fn();
const setFlash = vi.fn();
vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/session", () => ({ requireSession, requireFreshSession, requireAdmin }));
vi.mock("@/lib/flash/set-flash", () => ({ setFlash }));

const { actionWithArguments, formAction, formStateAction, formStateActionWith } = await import("@/lib/actions/server-action");

const SESSION = { id: "s1", user: { id: "u1", email: "a@example.com" } };
const schema = z.object({ name: z.string().min(2, "Too short"), secret: z.string() });

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

beforeEach(() => {
  vi.clearAllMocks();
  requireSession.mockResolvedValue(SESSION);
  requireFreshSession.mockResolvedValue(SESSION);
  requireAdmin.mockResolvedValue(SESSION);
});

describe("formStateAction", () => {
  const define = (access: "anyone" | "signed-in" | "fresh" | "admin", useCase = vi.fn(async () => ({ status: "success", message: "done" }))) => ({
    useCase,
    action: formStateAction({ access, page: "/profile", fields: ["name", "secret"], echo: ["name"], schema }, useCase),
  });

  it("gives the use case the parsed input and the session its access asks for", async () => {
    const { action, useCase } = define("fresh");
    expect(await action({ status: "idle" }, form({ name: "Ada", secret: "s" }))).toEqual({ status: "success", message: "done" });
    expect(requireFreshSession).toHaveBeenCalledWith("/profile");
    expect(useCase).toHaveBeenCalledWith({ name: "Ada", secret: "s" }, expect.objectContaining({ session: SESSION, echo: { name: "Ada" } }));
  });

  it("asks no session of anyone", async () => {
    const { action, useCase } = define("anyone");
    await action({ status: "idle" }, form({ name: "Ada", secret: "s" }));
    expect(useCase).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ session: null }));
    expect(requireSession).not.toHaveBeenCalled();
  });

  it("answers a refused field with its message and echoes only the named fields, without running the use case", async () => {
    const { action, useCase } = define("signed-in");
    expect(await action({ status: "idle" }, form({ name: "A", secret: "hunter2" }))).toEqual({
      status: "error",
      fieldErrors: { name: ["Too short"] },
      values: { name: "A" },
    });
    expect(useCase).not.toHaveBeenCalled();
  });

  it("checks the session before the form, so a signed-out visitor's post reaches nothing", async () => {
    requireAdmin.mockRejectedValue(new Error("NEXT_REDIRECT"));
    const { action, useCase } = define("admin");
    await expect(action({ status: "idle" }, form({ name: "A" }))).rejects.toThrow("NEXT_REDIRECT");
    expect(useCase).not.toHaveBeenCalled();
  });

  it("takes a schema made from the session", async () => {
    const useCase = vi.fn(async () => ({ status: "idle" }));
    const action = formStateAction(
      { access: "fresh", page: "/p", fields: ["email"], schema: (session) => z.object({ email: z.literal(session.user.email) }) },
      useCase,
    );
    expect(await action({ status: "idle" }, form({ email: "b@example.com" }))).toMatchObject({ status: "error" });
    await action({ status: "idle" }, form({ email: "a@example.com" }));
    expect(useCase).toHaveBeenCalledTimes(1);
  });
});

describe("formStateActionWith", () => {
  it("hands the form and the session to the use case, the page worked out from the form", async () => {
    const action = formStateActionWith(
      { access: "signed-in", page: (formData) => `/back/${formData.get("id")}` },
      async ({ session, formData, page }) => ({ status: `${session.id} ${formData.get("id")} ${page}` }),
    );
    // The page is worked out once: the use case gets the one the session check was given.
    expect(await action({ status: "idle" }, form({ id: "7" }))).toEqual({ status: "s1 7 /back/7" });
    expect(requireSession).toHaveBeenCalledWith("/back/7");
  });
});

describe("formAction", () => {
  it("flashes the refusal and returns to the page when its hidden fields do not parse", async () => {
    const useCase = vi.fn(async () => "ran");
    const action = formAction(
      { access: "admin", page: "/admin", form: { fields: ["name"], schema: z.object({ name: z.string().min(2) }), refused: { category: "error", message: "No." } } },
      useCase,
    );
    await expect(action(form({ name: "x" }))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT;replace;/admin") });
    expect(setFlash).toHaveBeenCalledWith("error", "No.");
    expect(useCase).not.toHaveBeenCalled();
    expect(await action(form({ name: "xy" }))).toBe("ran");
  });

  it("answers anything but a FormData with a 404, before the session is even looked up", async () => {
    const action = formAction({ access: "signed-in", page: "/profile" }, async () => "ran");
    await expect((action as (...args: unknown[]) => Promise<unknown>)("x")).rejects.toMatchObject({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    expect(requireSession).not.toHaveBeenCalled();
  });
});

describe("actionWithArguments", () => {
  it("passes the session, then the arguments of the tuple's shape", async () => {
    const action = actionWithArguments(z.tuple([z.string()]), { access: "signed-in", page: "/reauthenticate" }, async (session, answer) => `${session.id}:${answer}`);
    expect(await action("{}")).toBe("s1:{}");
    expect(requireSession).toHaveBeenCalledWith("/reauthenticate");
  });
});
