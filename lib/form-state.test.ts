import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  fieldErrorsOf,
  formError,
  formValues,
  type FormState,
  IDLE,
  invalidForm,
  MAX_ECHO_LENGTH,
  valuesOf,
} from "@/lib/form-state";

type Field = "name" | "email" | "password";

describe("formValues", () => {
  it("picks the listed string fields and ignores files and unlisted fields", () => {
    const formData = new FormData();
    formData.set("name", "Ada");
    formData.set("email", "ada@example.com");
    formData.set("avatar", new File(["binary"], "avatar.png", { type: "image/png" }));
    formData.set("password", "secret-password");
    formData.set("$ACTION_ID_abc", "");

    expect(formValues(formData, ["name", "email", "avatar"] as const)).toEqual({
      name: "Ada",
      email: "ada@example.com",
    });
  });

  it("keeps empty strings and exact whitespace, and omits missing fields", () => {
    const formData = new FormData();
    formData.set("name", "");
    formData.set("email", "  Ada@Example.com ");
    const values = formValues(formData, ["name", "email", "password"] as const);
    expect(values).toEqual({ name: "", email: "  Ada@Example.com " });
    expect("password" in values).toBe(false);
  });

  it("takes the first value when a field is repeated", () => {
    const formData = new FormData();
    formData.append("name", "first");
    formData.append("name", "second");
    expect(formValues(formData, ["name"] as const)).toEqual({ name: "first" });
  });

  it("returns an empty object when no fields are listed", () => {
    const formData = new FormData();
    formData.set("name", "Ada");
    expect(formValues(formData, [])).toEqual({});
  });
});

describe("invalidForm", () => {
  const schema = z
    .object({
      name: z.string().min(1, "Enter your name.").max(3, "Too long."),
      email: z.email("Bad email."),
      address: z.object({ street: z.string().min(1, "Enter a street.") }),
      tags: z.array(z.string().min(1, "Empty tag.")),
    })
    .refine(() => false, { message: "The whole form is wrong." });

  function zodErrorFor(input: unknown): z.ZodError {
    const result = schema.safeParse(input);
    if (result.success) throw new Error("expected the input to be invalid");
    return result.error;
  }

  it("groups issue messages by the first path segment, in order, and echoes the values", () => {
    const error = zodErrorFor({ name: "", email: "nope", address: { street: "" }, tags: ["ok", ""] });
    const echo = { name: "", email: "nope" };
    const state = invalidForm<"name" | "email" | "address" | "tags">(error, echo);

    expect(state).toEqual({
      status: "error",
      fieldErrors: {
        name: ["Enter your name."],
        email: ["Bad email."],
        address: ["Enter a street."],
        tags: ["Empty tag."],
      },
      values: echo,
    });
    // The form-level refinement has an empty path and belongs to no field.
    expect(JSON.stringify(state)).not.toContain("The whole form is wrong.");
    expect(state.status === "error" && state.message).toBeUndefined();
  });

  it("collects several messages for the same field", () => {
    const error = new z.ZodError([
      { code: "custom", path: ["password"], message: "Too short.", input: "" },
      { code: "custom", path: ["email"], message: "Taken.", input: "" },
      { code: "custom", path: ["password"], message: "Too common.", input: "" },
    ]);
    expect(fieldErrorsOf(invalidForm<Field>(error, {}))).toEqual({
      password: ["Too short.", "Too common."],
      email: ["Taken."],
    });
  });

  it("works with a real schema from the app's own validation style", () => {
    const passwordSchema = z
      .object({ password: z.string().min(8, "Use at least 8 characters."), confirm: z.string() })
      .refine((form) => form.password === form.confirm, { path: ["confirm"], message: "Mismatch." });
    const result = passwordSchema.safeParse({ password: "short", confirm: "other" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(invalidForm<"password" | "confirm">(result.error, {})).toEqual({
      status: "error",
      fieldErrors: { password: ["Use at least 8 characters."], confirm: ["Mismatch."] },
      values: {},
    });
  });
});

describe("formError", () => {
  it("builds an error state with a form-level message and empty defaults", () => {
    expect(formError<Field>({ message: "Wrong email or password." })).toEqual({
      status: "error",
      message: "Wrong email or password.",
      fieldErrors: {},
      values: {},
    });
  });

  it("passes field errors and values through", () => {
    const state = formError<Field>({
      message: "Fix the errors below.",
      fieldErrors: { email: ["Taken."] },
      values: { email: "ada@example.com" },
    });
    expect(state).toEqual({
      status: "error",
      message: "Fix the errors below.",
      fieldErrors: { email: ["Taken."] },
      values: { email: "ada@example.com" },
    });
  });

  it("allows an error state with no message at all", () => {
    const state = formError<Field>({ fieldErrors: { name: ["Enter your name."] } });
    expect(state).toEqual({ status: "error", message: undefined, fieldErrors: { name: ["Enter your name."] }, values: {} });
  });
});

describe("echoed values", () => {
  // The state goes back to the server with the next submission, so a pasted
  // megabyte must not come back whole.
  const error = new z.ZodError([{ code: "custom", path: ["name"], message: "Too long.", input: "" }]);

  it("are cut to MAX_ECHO_LENGTH characters, by invalidForm and formError alike", () => {
    const huge = "x".repeat(1024 * 1024);
    expect(valuesOf(invalidForm<Field>(error, { name: huge, email: "ada@example.com" }))).toEqual({
      name: "x".repeat(MAX_ECHO_LENGTH),
      email: "ada@example.com",
    });
    expect(valuesOf(formError<Field>({ values: { email: huge } })).email).toHaveLength(MAX_ECHO_LENGTH);
  });

  it("are kept whole up to the limit", () => {
    const longest = "y".repeat(MAX_ECHO_LENGTH);
    expect(valuesOf(invalidForm<Field>(error, { name: longest })).name).toBe(longest);
  });

  it("never end on half of an emoji", () => {
    const emoji = "a" + "🔑".repeat(MAX_ECHO_LENGTH);
    const echoed = valuesOf(invalidForm<Field>(error, { name: emoji })).name ?? "";
    expect(echoed.length).toBeLessThanOrEqual(MAX_ECHO_LENGTH);
    expect(echoed).toBe("a" + "🔑".repeat((MAX_ECHO_LENGTH - 2) / 2));
    expect(echoed.isWellFormed()).toBe(true);
  });
});

describe("fieldErrorsOf / valuesOf", () => {
  const errorState: FormState<Field> = {
    status: "error",
    message: "Oops.",
    fieldErrors: { email: ["Bad email."] },
    values: { email: "nope", name: "Ada" },
  };

  it("read the field errors and values of an error state", () => {
    expect(fieldErrorsOf(errorState)).toEqual({ email: ["Bad email."] });
    expect(valuesOf(errorState)).toEqual({ email: "nope", name: "Ada" });
  });

  it.each([
    ["idle", IDLE as FormState<Field>],
    ["success", { status: "success", message: "Saved." } as FormState<Field>],
  ])("return empty objects for a %s state", (_label, state) => {
    expect(fieldErrorsOf(state)).toEqual({});
    expect(valuesOf(state)).toEqual({});
  });

  it("IDLE is the idle state", () => {
    expect(IDLE).toEqual({ status: "idle" });
  });
});
