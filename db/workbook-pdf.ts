// A small, valid PDF written from code: the seeded workbook's file, so the seed needs
// no binary in the repository and nothing downloaded. Text pages in Helvetica, with
// the cross-reference table's byte offsets computed as the file is assembled.

/** One page per entry: a heading and its lines (ASCII; long lines are the caller's to keep short). */
export function textPdf(title: string, pages: { heading: string; lines: string[] }[]): Uint8Array {
  const escape = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  const pageIds = pages.map((_, i) => 5 + i * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  add(`<< /Title (${escape(title)}) /Producer (Breakup Dojo seed) >>`);
  for (const page of pages) {
    const text = [
      "BT /F1 20 Tf 72 760 Td",
      `(${escape(page.heading)}) Tj`,
      "/F1 12 Tf 0 -32 Td 16 TL",
      ...page.lines.map((line) => `(${escape(line)}) '`),
      "ET",
    ].join("\n");
    const contentId = objects.length + 2;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`);
  }
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
