import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/layout";

const content = {
  subject: "Reset your password",
  greeting: "Hello <Ada>,",
  paragraphs: ["Someone asked to reset the password of your account."],
  action: { label: "Set a new password", url: "https://auth.example.com/reset-password?token=abc&x=1" },
  footnote: "The link works for 30 minutes.",
};

describe("renderMail", () => {
  it("writes a plain-text part with the link on a line of its own", () => {
    const { text } = renderMail(content, "Latchkey");
    expect(text).toContain("Hello <Ada>,");
    expect(text.split("\n")).toContain("https://auth.example.com/reset-password?token=abc&x=1");
    expect(text).toContain("The link works for 30 minutes.");
    expect(text.trimEnd().endsWith("— Latchkey")).toBe(true);
  });

  it("escapes everything it puts into the HTML part", () => {
    const { html } = renderMail(content, "Latchkey");
    expect(html).toContain("Hello &lt;Ada&gt;,");
    expect(html).not.toContain("<Ada>");
    expect(html).toContain('href="https://auth.example.com/reset-password?token=abc&amp;x=1"');
  });

  it("leaves out the button when there is no action", () => {
    const { html, text } = renderMail({ ...content, action: undefined }, "Latchkey");
    expect(html).not.toContain("<a ");
    expect(text).not.toContain("https://");
  });

  it("writes a list as bullets in the text part and an escaped list in the HTML part", () => {
    const { html, text } = renderMail({ ...content, list: ["Passkey “<Laptop>”", "Session"] }, "Latchkey");
    expect(text).toContain("- Passkey “<Laptop>”\n- Session");
    expect(html).toContain("<li>Passkey “&lt;Laptop&gt;”</li><li>Session</li>");
  });
});
