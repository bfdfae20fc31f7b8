import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomFeed, escapeXml, privatePaths, sitemapEntries } from "./feed";
import type { ArticleSummary } from "./public";

const site = "https://dojo.example";
const tricky: ArticleSummary = {
  slug: "tom-jerry",
  title: `Tom & Jerry's "rules" <script>alert(1)</script>\u0007`,
  summary: "Less < more & then ]]> some",
  publishedAt: "2026-11-02T09:00:00.000Z",
  updatedAt: "2026-11-20T10:00:00.000Z",
  minutes: 4,
};
const plain: ArticleSummary = { ...tricky, slug: "plain", title: "Plain", summary: "Plain words.", updatedAt: "2026-11-03T09:00:00.000Z" };

describe("the articles feed", () => {
  it("is well-formed Atom whatever the coach typed, and says it back exactly", () => {
    const xml = atomFeed([tricky, plain], site);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml).feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.updated).toBe("2026-11-20T10:00:00.000Z");
    const entries = feed.entry as { title: string; summary: string; id: string; link: { "@href": string } }[];
    expect(entries.map((e) => e.title)).toEqual([`Tom & Jerry's "rules" <script>alert(1)</script>`, "Plain"]);
    expect(entries[0]?.summary).toBe("Less < more & then ]]> some");
    expect(entries[0]?.link["@href"]).toBe("https://dojo.example/articles/tom-jerry");
    expect(xml).not.toContain("<script>");
  });

  it("is still valid with no articles", () => {
    expect(XMLValidator.validate(atomFeed([], site))).toBe(true);
  });

  it("escapes the five XML characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});

describe("the sitemap", () => {
  it("lists the public pages and each published article, and nothing private", () => {
    const urls = sitemapEntries([plain], site).map((e) => new URL(e.url).pathname);
    expect(urls).toEqual(expect.arrayContaining(["/", "/quiz", "/pricing", "/newsletter", "/articles", "/articles/plain"]));
    for (const url of urls) {
      for (const hidden of privatePaths) expect(url === hidden || url.startsWith(`${hidden}/`), `${url} is private`).toBe(false);
    }
  });

  it("keeps crawlers away from the private areas and result permalinks", () => {
    expect(privatePaths).toEqual(expect.arrayContaining(["/dojo", "/account", "/coach", "/billing", "/join", "/signin", "/quiz/result", "/api"]));
  });
});
