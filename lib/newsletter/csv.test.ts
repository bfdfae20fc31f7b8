import { describe, expect, it } from "vitest";
import { parseCsvRecords, parseSubscriberCsv, toCsv } from "./csv";

describe("CSV records", () => {
  it("reads quotes, escaped quotes, commas and line breaks inside quotes, CRLF and a BOM", () => {
    const text = '\ufeffemail,name\r\n"a@x.test","Smith, Jo"\r\nb@x.test,"She said ""hi"""\n"c@x.test","two\nlines"\n\nd@x.test,plain\n';
    const { records, error } = parseCsvRecords(text);
    expect(error).toBeUndefined();
    expect(records).toEqual([
      { line: 1, fields: ["email", "name"] },
      { line: 2, fields: ["a@x.test", "Smith, Jo"] },
      { line: 3, fields: ["b@x.test", 'She said "hi"'] },
      { line: 4, fields: ["c@x.test", "two\nlines"] },
      { line: 7, fields: ["d@x.test", "plain"] },
    ]);
  });

  it("numbers each record by the line it starts on, after fields that span lines with CRLF inside", () => {
    const text = 'email,name\r\n"a@x.test","line one\r\nline two\r\nline three"\r\n\r\nb@x.test,Bo\r\n"c@x.test","x\ry"\r\nd@x.test,Di';
    expect(parseCsvRecords(text)).toEqual({
      records: [
        { line: 1, fields: ["email", "name"] },
        { line: 2, fields: ["a@x.test", "line one\nline two\nline three"] },
        { line: 6, fields: ["b@x.test", "Bo"] },
        { line: 7, fields: ["c@x.test", "x\ry"] },
        { line: 9, fields: ["d@x.test", "Di"] },
      ],
    });
  });

  it("reads old Mac line endings, and skips blank, whitespace-only and all-empty rows", () => {
    expect(parseCsvRecords("email\ra@x.test\rb@x.test").records.map((r) => r.line)).toEqual([1, 2, 3]);
    const { records } = parseCsvRecords("email,name\n\n   \n,,\n , \nb@x.test,Bo\n");
    expect(records).toEqual([
      { line: 1, fields: ["email", "name"] },
      { line: 6, fields: ["b@x.test", "Bo"] },
    ]);
  });

  it("keeps a stray quote inside an unquoted field as written", () => {
    expect(parseCsvRecords('a@x.test,She said "hi"\n').records[0]?.fields).toEqual(["a@x.test", 'She said "hi"']);
  });

  it("reports a quote that never closes at the line it opened", () => {
    const { error } = parseCsvRecords('email\na@x.test\n"b@x.test\nc@x.test\n');
    expect(error).toEqual({ line: 3, message: expect.stringMatching(/never closed/) });
    // The records before it are kept; a quote opening after blank lines is placed on its own line.
    expect(parseCsvRecords('email,name\na@x.test,ok\n\n\nb@x.test,"open\nc@x.test\n')).toMatchObject({
      records: [{ line: 1 }, { line: 2 }],
      error: { line: 5 },
    });
  });
});

describe("subscriber CSV", () => {
  const now = new Date("2025-06-01T12:00:00Z");

  it("reports every bad line by its number and keeps the good ones", () => {
    const text = [
      "Email,Name,Status,Subscribed",
      "ana@example.com,Ana,confirmed,2024-01-02",
      "not-an-email,Bad,confirmed,",
      ",Nobody,,",
      "bo@example.com,Bo,maybe,",
      "cy@example.com,Cy,confirmed,02/03/2024",
      "di@example.com,Di,confirmed,2030-01-01",
      "eve@example.com,Eve,,,extra",
      "fay@example.com,,pending,",
    ].join("\n");
    const parsed = parseSubscriberCsv(text, now);
    expect(parsed.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(parsed.errors[0]?.message).toMatch(/not-an-email.+not an email/);
    expect(parsed.errors[1]?.message).toMatch(/no email/);
    expect(parsed.errors[2]?.message).toMatch(/unknown status “maybe”/);
    expect(parsed.errors[3]?.message).toMatch(/not a date/);
    expect(parsed.errors[4]?.message).toMatch(/future/);
    expect(parsed.errors[5]?.message).toMatch(/5 fields/);
    expect(parsed.rows).toEqual([
      { email: "ana@example.com", name: "Ana", status: "confirmed", subscribedAt: new Date("2024-01-02T00:00:00Z"), line: 2 },
      { email: "fay@example.com", name: null, status: "pending", subscribedAt: null, line: 9 },
    ]);
  });

  it("gives the right line for a bad record after a name that spans lines", () => {
    const text = 'email,name\r\na@x.test,"Ana\r\nSmith"\r\n\r\nb@x.test,"Bo, Jr."\r\n"nope","Cy\r\nline"\r\nnot-an-email,Dee\r\n';
    const parsed = parseSubscriberCsv(text, now);
    expect(parsed.errors).toEqual([
      { line: 6, message: expect.stringMatching(/“nope” is not an email/) },
      { line: 8, message: expect.stringMatching(/not-an-email/) },
    ]);
    expect(parsed.rows.map((r) => [r.email, r.name, r.line])).toEqual([
      ["a@x.test", "Ana\nSmith", 2],
      ["b@x.test", "Bo, Jr.", 5],
    ]);
  });

  it("merges repeated addresses: an unsubscribe wins, the first name, the earliest date", () => {
    const text = [
      "email,name,status,subscribed",
      "ana@example.com,,confirmed,2024-05-01",
      "ANA@example.com,Ana,pending,2024-01-01",
      "ana@example.com,Other,,",
      "bo@example.com,Bo,confirmed,",
      "bo@example.com,,unsubscribed,",
      "bo@example.com,,confirmed,",
    ].join("\n");
    const parsed = parseSubscriberCsv(text, now);
    expect(parsed.errors).toEqual([]);
    expect(parsed.duplicates).toBe(4);
    expect(parsed.rows).toEqual([
      { email: "ana@example.com", name: "Ana", status: "confirmed", subscribedAt: new Date("2024-01-01T00:00:00Z"), line: 2 },
      { email: "bo@example.com", name: "Bo", status: "unsubscribed", subscribedAt: null, line: 5 },
    ]);
  });

  it("reads a file without a header in the export's column order, and needs an email column otherwise", () => {
    expect(parseSubscriberCsv("ana@example.com,Ana,unsubscribed\n", now).rows[0]).toMatchObject({ email: "ana@example.com", status: "unsubscribed" });
    expect(parseSubscriberCsv("who,when\nana,today\n", now).errors[0]?.message).toMatch(/email/);
    expect(parseSubscriberCsv("", now).errors[0]?.message).toMatch(/empty/);
  });

  it("writes what it reads, quoting where needed and defusing spreadsheet formulas", () => {
    const rows = [
      { email: "ana@example.com", name: 'Ana "A", Jr', status: "confirmed" as const, subscribedAt: new Date("2024-01-02T03:04:05.000Z") },
      { email: "bo@example.com", name: "=HYPERLINK(\"x\")", status: "unsubscribed" as const, subscribedAt: null },
      { email: "cy@example.com", name: null, status: "pending" as const, subscribedAt: null },
    ];
    const csv = toCsv(rows);
    expect(csv.split("\r\n")[0]).toBe("email,name,status,subscribed");
    expect(csv).toContain('"Ana ""A"", Jr"');
    expect(csv).toContain("'=HYPERLINK");
    const back = parseSubscriberCsv(csv, now);
    expect(back.errors).toEqual([]);
    expect(back.rows.map(({ line: _line, ...r }) => r)).toEqual(rows);
  });

  it("leaves no cell that a spreadsheet would run as a formula, in any column, and reads the list back as it was", () => {
    const starts = ["=1+1", "+1", "-1", "@SUM(A1)", "\tTab", "\rReturn"];
    const rows = [
      ...starts.map((name, i) => ({ email: `n${i}@example.com`, name, status: "confirmed" as const, subscribedAt: null })),
      { email: "-dash@example.com", name: "Dash", status: "pending" as const, subscribedAt: null },
      { email: "+plus@example.com", name: null, status: "unsubscribed" as const, subscribedAt: null },
    ];
    const csv = toCsv(rows);
    const { records, error } = parseCsvRecords(csv);
    expect(error).toBeUndefined();
    const cells = records.slice(1).flatMap((r) => r.fields);
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain("'=1+1");
    expect(cells).toContain("'-dash@example.com");
    const back = parseSubscriberCsv(csv, now);
    expect(back.errors).toEqual([]);
    expect(back.rows.map(({ line: _line, ...r }) => r)).toEqual(rows);
  });
});
