import { describe, expect, it } from "vitest";
import { renderEmail } from "./layout";

const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;

/** Everything that looks like a tag must be one the layout itself wrote. */
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => m[1]?.toLowerCase());
const LAYOUT_TAGS = new Set(["!doctype", "html", "head", "meta", "title", "body", "div", "table", "tr", "td", "h1", "p", "a", "br"]);

describe("email layout", () => {
  it("escapes every piece of text it is given", () => {
    const { html, text } = renderEmail({
      preheader: hostile,
      heading: hostile,
      paragraphs: [hostile, "Tom & Jerry's <b>bold</b>"],
      button: { label: hostile, url: `https://dojo.test/x?q="><script>alert(3)</script>` },
      footer: hostile,
    });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Tom &amp; Jerry&#39;s &lt;b&gt;bold&lt;/b&gt;");
    for (const tag of tags(html)) expect(LAYOUT_TAGS).toContain(tag);
    // The text part is plain text: shown as written, nothing to escape.
    expect(text).toContain("Tom & Jerry's <b>bold</b>");
  });

  it("refuses links that are not web links", () => {
    expect(() => renderEmail({ heading: "h", paragraphs: [], button: { label: "go", url: "javascript:alert(1)" } })).toThrow();
    expect(() => renderEmail({ heading: "h", paragraphs: [], button: { label: "go", url: "data:text/html,hi" } })).toThrow();
  });

  it("writes a plain-text part with the link spelled out, and a self-contained HTML part", () => {
    const { text, html } = renderEmail({ heading: "Hello", paragraphs: ["One.", "Two."], button: { label: "Open", url: "https://dojo.test/a" }, footer: "Why you got this." });
    expect(text).toBe("Hello\n\nOne.\n\nTwo.\n\nOpen:\nhttps://dojo.test/a\n\n--\nWhy you got this.\n");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<a href="https://dojo.test/a"');
    expect(html).not.toMatch(/<img|<link|@import|url\(|<script/i);
  });
});
