import { describe, expect, it } from "vitest";
import { escapeHtml, formatMoney, messagePage } from "./pages";

describe("hosted page HTML", () => {
  it("escapes every dynamic value", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
    const html = messagePage("<b>Title</b>", "<script>alert(1)</script>", { href: 'javascript:"x"', text: "go" });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>Title</b>");
  });

  it("is a self-contained, mobile-ready document", () => {
    const html = messagePage("Hello", "World");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(html).not.toMatch(/<script|<link|src=/);
  });

  it("formats amounts in the price's currency", () => {
    expect(formatMoney(1900, "usd")).toBe("$19.00");
    expect(formatMoney(15900, "usd")).toBe("$159.00");
  });
});
