import { describe, expect, it } from "vitest";
import { parseRange } from "./range";
import { countWithin, histogramPercentile, replyBucket } from "./reply-times";
import { decimalAmount, formatMoney } from "@/lib/money";
import { tableCsv } from "./table";
import { dayRange, isWholeHourZone, startOfDay } from "./zone";

describe("the dashboard's calendar", () => {
  it("starts each local day at the right instant, across daylight-saving changes", () => {
    expect(startOfDay("2026-01-15", "America/New_York").toISOString()).toBe("2026-01-15T05:00:00.000Z");
    expect(startOfDay("2026-07-15", "America/New_York").toISOString()).toBe("2026-07-15T04:00:00.000Z");
    // The days the clocks change in Berlin: midnight is still before the change.
    expect(startOfDay("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(dayRange("2026-03-29", "2026-03-29", "Europe/Berlin").end.getTime() - dayRange("2026-03-29", "2026-03-29", "Europe/Berlin").start.getTime()).toBe(23 * 3_600_000);
  });

  it("takes only zones whose days start on a whole hour", () => {
    expect(isWholeHourZone("UTC")).toBe(true);
    expect(isWholeHourZone("Europe/Berlin")).toBe(true);
    expect(isWholeHourZone("Asia/Kolkata")).toBe(false);
    expect(isWholeHourZone("Asia/Kathmandu")).toBe(false);
    expect(isWholeHourZone("Mars/Olympus")).toBe(false);
  });

  it("reads the period from the address, and falls back to 30 days with a reason", () => {
    const now = new Date("2026-02-10T03:00:00Z"); // still February 9 in New York
    const week = parseRange({ days: "7" }, "America/New_York", now);
    expect(week).toMatchObject({ ok: true, preset: 7, range: { from: "2026-02-03", to: "2026-02-09", days: 7 } });
    expect(parseRange({ from: "2026-01-01", to: "2026-01-31" }, "UTC", now)).toMatchObject({ ok: true, preset: null, range: { days: 31 } });
    for (const bad of [{ days: "12" }, { from: "2026-02-30", to: "2026-03-01" }, { from: "2026-03-01", to: "2026-02-01" }, { from: "2020-01-01", to: "2026-01-01" }, { from: "2026-01-01" }]) {
      const choice = parseRange(bad, "UTC", now);
      expect(choice.ok).toBe(false);
      expect(choice).toMatchObject({ preset: 30, range: { days: 30 } });
    }
  });
});

describe("reply-time histogram", () => {
  it("puts waits in buckets and reads percentiles and the target from them", () => {
    expect(replyBucket(0)).toBe(0);
    expect(replyBucket(30 * 60_000)).toBe(4); // 30 min: the bucket whose upper edge is 30
    expect(replyBucket(31 * 60_000)).toBe(5);
    expect(replyBucket(30 * 86_400_000)).toBe(27); // over two weeks: the open bucket
    const counts = new Map([
      [4, 2],
      [18, 2], // up to 24 h
    ]);
    expect(histogramPercentile(counts, 0.5)).toBe(30);
    expect(histogramPercentile(new Map(), 0.5)).toBeNull();
    expect(histogramPercentile(new Map([[27, 1]]), 0.5)).toBe(Infinity);
    expect(countWithin(counts, 24)).toBe(4);
    expect(countWithin(counts, 12)).toBe(2);
  });
});

describe("money and CSV", () => {
  it("uses each currency's own minor units", () => {
    expect(decimalAmount(123456, "usd")).toBe("1234.56");
    expect(decimalAmount(-5, "eur")).toBe("-0.05");
    expect(decimalAmount(1200, "jpy")).toBe("1200");
    expect(decimalAmount(12345, "kwd")).toBe("12.345");
    expect(formatMoney(1200, "jpy")).toBe("¥1,200");
    expect(formatMoney(199, "usd")).toBe("$1.99");
  });

  it("writes CSV a spreadsheet cannot run", () => {
    const csv = tableCsv({ id: "t", title: "T", columns: ["Name", "Count", "Amount"], rows: [["=HYPERLINK(\"x\")", -3, { minor: -1500, currency: "usd" }]] });
    expect(csv).toBe('Name,Count,Amount\r\n"\'=HYPERLINK(""x"")",-3,-15.00\r\n');
  });
});
