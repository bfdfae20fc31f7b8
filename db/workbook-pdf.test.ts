import { describe, expect, it } from "vitest";
import { textPdf } from "./workbook-pdf";

describe("the seeded workbook's PDF", () => {
  const bytes = textPdf("A (small) workbook", [
    { heading: "Day one", lines: ["Write down three things.", "Back\\slash and (brackets) are escaped."] },
    { heading: "Day two", lines: ["Another page."] },
  ]);
  const text = Buffer.from(bytes).toString("latin1");

  it("is a PDF whose cross-reference table points at every object", () => {
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(8);
    entries.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });

  it("has one page per entry, and stream lengths that match", () => {
    expect(/\/Count 2 >>/.test(text)).toBe(true);
    for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
      const start = (m.index ?? 0) + m[0].length;
      expect(text.slice(start + Number(m[1]), start + Number(m[1]) + "\nendstream".length)).toBe("\nendstream");
    }
    expect(text).toContain("(Back\\\\slash and \\(brackets\\) are escaped.) '");
  });
});
