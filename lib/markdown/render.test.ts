import { describe, expect, it } from "vitest";
import { readingMinutes, renderMarkdown } from "./render";

describe("rendering coach-written Markdown", () => {
  it("renders headings, lists and emphasis", () => {
    expect(renderMarkdown("## Day one\n\n- breathe\n- *eat*")).toBe("<h2>Day one</h2>\n<ul>\n<li>breathe</li>\n<li><em>eat</em></li>\n</ul>\n");
  });

  it("escapes raw HTML and refuses script links", () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain("&lt;script&gt;");
  });

  it("opens outside links safely", () => {
    expect(renderMarkdown("[help](https://example.org)")).toContain('rel="noopener noreferrer nofollow" target="_blank"');
    expect(renderMarkdown("[quiz](/quiz)")).not.toContain("target");
  });

  it("estimates reading time", () => {
    expect(readingMinutes("word ".repeat(450))).toBe(2);
    expect(readingMinutes("")).toBe(1);
  });
});
