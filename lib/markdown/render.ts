// Markdown → HTML for content coaches write (lessons, newsletter issues).
// Raw HTML in the source is escaped, not passed through, and markdown-it
// refuses javascript:/vbscript:/data: links, so the output is safe to insert.
// Client-safe: the coach's live preview uses the same renderer as the page.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

// External links open safely in a new tab; on-site links stay as they are.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx]?.attrGet("href") ?? "");
  if (/^https?:\/\//i.test(href)) {
    tokens[idx]?.attrSet("rel", "noopener noreferrer nofollow");
    tokens[idx]?.attrSet("target", "_blank");
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Roughly how long a text takes to read, at 200 words a minute; never less than a minute. */
export function readingMinutes(...texts: string[]): number {
  const words = texts.join(" ").split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 200));
}
