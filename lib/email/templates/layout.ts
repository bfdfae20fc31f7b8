import "server-only";

// The frame every email is drawn in: a plain-text part and a matching HTML
// part. The words themselves live in the template files beside this one.

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface EmailLayout {
  /** The preview line inbox lists show after the subject. */
  preheader?: string;
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  footer?: string;
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Only web links: a `javascript:` or `data:` URL would survive escaping and still run on click. */
function checkedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error("email links must be http(s) URLs");
  return parsed.toString();
}

const FONT = `-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;
export const INK = "#1f2a2e";
export const MUTED = "#4f5b60";
export const BRAND = "#1d5c63";

/** A plain-text part and a matching HTML part: one column, inline styles, no images or web fonts. */
export function renderEmail(layout: EmailLayout): { text: string; html: string } {
  const button = layout.button ? { label: layout.button.label, url: checkedUrl(layout.button.url) } : undefined;

  const textParts = [layout.heading, ...layout.paragraphs];
  if (button) textParts.push(`${button.label}:\n${button.url}`);
  if (layout.footer) textParts.push(`--\n${layout.footer}`);
  const text = textParts.join("\n\n") + "\n";

  const p = (s: string) => `<p style="margin:0 0 16px;">${escapeHtml(s)}</p>`;
  const buttonHtml = button
    ? `<p style="margin:24px 0;"><a href="${escapeHtml(button.url)}" style="display:inline-block;background:${BRAND};color:#ffffff;font-weight:600;text-decoration:none;padding:12px 24px;border-radius:999px;">${escapeHtml(button.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:${MUTED};">If the button doesn’t work, copy this address into your browser:<br><a href="${escapeHtml(button.url)}" style="color:${BRAND};word-break:break-all;">${escapeHtml(button.url)}</a></p>`
    : "";
  const preheader = layout.preheader
    ? `<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;font-size:1px;line-height:1px;color:#ffffff;">${escapeHtml(layout.preheader)}</div>`
    : "";
  const footer = layout.footer
    ? `<tr><td style="padding:0 28px 24px;font-family:${FONT};font-size:13px;line-height:1.5;color:${MUTED};">${escapeHtml(layout.footer)}</td></tr>`
    : "";

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(layout.heading)}</title>
</head>
<body style="margin:0;padding:0;background:#fbf8f3;color:${INK};">
${preheader}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fbf8f3;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #e4ddd2;border-radius:12px;">
<tr><td style="padding:28px 28px 8px;font-family:${FONT};font-size:16px;line-height:1.6;color:${INK};">
<h1 style="margin:0 0 16px;font-family:Georgia, 'Times New Roman', serif;font-size:22px;line-height:1.3;font-weight:600;color:${INK};">${escapeHtml(layout.heading)}</h1>
${layout.paragraphs.map(p).join("\n")}
${buttonHtml}
</td></tr>
${footer}
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { text, html };
}
