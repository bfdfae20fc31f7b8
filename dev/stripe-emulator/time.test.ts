import { describe, expect, it } from "vitest";
import { addIntervals, nextBoundary } from "./time";

const at = (iso: string): number => Date.parse(iso) / 1000;

describe("billing periods", () => {
  it("adds calendar months, clamped to the month's end, always from the anchor", () => {
    const anchor = at("2026-01-31T10:00:00Z");
    expect(addIntervals(anchor, "month", 1)).toBe(at("2026-02-28T10:00:00Z"));
    expect(addIntervals(anchor, "month", 2)).toBe(at("2026-03-31T10:00:00Z"));
    expect(addIntervals(at("2028-02-29T00:00:00Z"), "year", 1)).toBe(at("2029-02-28T00:00:00Z"));
  });

  it("finds the next boundary after a given time", () => {
    const anchor = at("2026-01-31T10:00:00Z");
    expect(nextBoundary(anchor, "month", 1, at("2026-02-28T10:00:00Z"))).toBe(at("2026-03-31T10:00:00Z"));
    expect(nextBoundary(anchor, "year", 1, anchor)).toBe(at("2027-01-31T10:00:00Z"));
  });
});
