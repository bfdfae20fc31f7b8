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

// Lesson pages render the same few dozen texts over and over, and a text's HTML
// never changes: the most recent renders are kept, keyed by the text itself.
const recentRenders = new Map<string, string>();
const RECENT_RENDERS_MAX = 200;

/** renderMarkdown, remembering recent results (for pages that show the same text to many readers). */
export function renderMarkdownCached(source: string): string {
  const hit = recentRenders.get(source);
  if (hit !== undefined) return hit;
  const html = renderMarkdown(source);
  if (recentRenders.size >= RECENT_RENDERS_MAX) recentRenders.delete(recentRenders.keys().next().value as string);
  recentRenders.set(source, html);
  return html;
}

/** Roughly how long a text takes to read, at 200 words a minute; never less than a minute. */
export function readingMinutes(...texts: string[]): number {
  const words = texts.join(" ").split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / 200));
}
