/** A mail as its template writes it: plain words, at most one button. */
export interface MailContent {
  subject: string;
  /** The first line, e.g. "Hello Ada,". */
  greeting: string;
  paragraphs: string[];
  /** A bulleted list after the paragraphs, e.g. what the account has. */
  list?: string[];
  action?: { label: string; url: string };
  /** Small print after the button, e.g. how long the link works. */
  footnote?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * One layout for every mail: a plain-text part that reads well on its own
 * (the link on a line of its own, so every client makes it clickable) and a
 * simple HTML part with inline styles and a table, the markup mail clients
 * still render alike, with the link also written out for clients that
 * block buttons.
 */
export function renderMail(content: MailContent, appName: string): RenderedMail {
  const textParts = [content.greeting, ...content.paragraphs];
  if (content.list?.length) textParts.push(content.list.map((item) => `- ${item}`).join("\n"));
  if (content.action) textParts.push(`${content.action.label}:\n${content.action.url}`);
  if (content.footnote) textParts.push(content.footnote);
  textParts.push(`— ${appName}`);

  const paragraph = (words: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2937">${escapeHtml(words)}</p>`;
  const list = content.list?.length
    ? `<ul style="margin:0 0 16px;padding-left:20px;font-size:15px;line-height:22px;color:#1f2937">${content.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`
    : "";
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#4338ca;color:#ffffff;font-size:16px;font-weight:600;text-decoration:none;padding:12px 20px;border-radius:6px">${escapeHtml(content.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:14px;line-height:20px;color:#4b5563">If the button does not work, copy this address into your browser:<br><a href="${escapeHtml(content.action.url)}" style="color:#4338ca;word-break:break-all">${escapeHtml(content.action.url)}</a></p>`
    : "";
  const footnote = content.footnote
    ? `<p style="margin:0 0 16px;font-size:14px;line-height:20px;color:#4b5563">${escapeHtml(content.footnote)}</p>`
    : "";
  const html = [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px"><tr><td style="padding:32px;font-family:-apple-system,BlinkMacSystemFont,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif">',
    `<p style="margin:0 0 24px;font-size:18px;font-weight:700;color:#111827">${escapeHtml(appName)}</p>`,
    paragraph(content.greeting),
    ...content.paragraphs.map(paragraph),
    list,
    action,
    footnote,
    "</td></tr></table>",
    "</td></tr></table>",
    "</body></html>",
  ].join("\n");

  return { subject: content.subject, text: `${textParts.join("\n\n")}\n`, html };
}
