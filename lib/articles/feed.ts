// The Atom feed and the sitemap, built from what is public. Pure: the route
// handlers pass the published articles and the site's address.
import type { ArticleSummary } from "./public";

const xmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text safe inside XML elements and attributes; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (c) => xmlEntities[c] ?? c);
}

const FEED_TITLE = "Breakup Dojo: articles";

export function atomFeed(list: ArticleSummary[], siteUrl: string): string {
  const at = (path: string) => new URL(path, siteUrl).toString();
  const updated = list.reduce((latest, a) => (a.updatedAt > latest ? a.updatedAt : latest), list[0]?.updatedAt ?? new Date(0).toISOString());
  const entries = list.map((a) =>
    [
      "  <entry>",
      `    <title>${escapeXml(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(at(`/articles/${a.slug}`))}"/>`,
      `    <id>${escapeXml(at(`/articles/${a.slug}`))}</id>`,
      `    <published>${a.publishedAt}</published>`,
      `    <updated>${a.updatedAt}</updated>`,
      `    <summary>${escapeXml(a.summary)}</summary>`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${FEED_TITLE}</title>`,
    `  <subtitle>Plain, practical writing about the weeks after a breakup.</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(at("/articles/feed.xml"))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(at("/articles"))}"/>`,
    `  <id>${escapeXml(at("/articles"))}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>Breakup Dojo</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export interface SitemapEntry {
  url: string;
  lastModified?: string;
}

/** Public pages anyone can open, and nothing private: no member, coach or result pages. */
const publicPages = ["/", "/quiz", "/pricing", "/newsletter", "/newsletter/archive", "/articles"];

export function sitemapEntries(list: ArticleSummary[], siteUrl: string): SitemapEntry[] {
  const at = (path: string) => new URL(path, siteUrl).toString();
  return [...publicPages.map((p) => ({ url: at(p) })), ...list.map((a) => ({ url: at(`/articles/${a.slug}`), lastModified: a.updatedAt }))];
}

/** Paths robots.txt asks crawlers to leave alone: private areas, one-time pages and personal results. */
export const privatePaths = ["/dojo", "/account", "/coach", "/billing", "/join", "/signin", "/quiz/result", "/api"];
