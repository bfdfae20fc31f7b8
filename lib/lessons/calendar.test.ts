import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isReleased, opensOn, todayIn } from "./calendar";

describe("drip dates in the member's time zone", () => {
  it("knows the local date on either side of midnight", () => {
    const instant = new Date("2026-03-08T04:30:00Z");
    expect(todayIn("America/New_York", instant)).toBe("2026-03-07"); // 23:30 EST
    expect(todayIn("Europe/London", instant)).toBe("2026-03-08");
    expect(todayIn("Pacific/Auckland", instant)).toBe("2026-03-08");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-03-07T10:30:00Z"))).toBe("2026-03-08"); // UTC+14
  });

  it("opens a lesson at local midnight, not UTC midnight", () => {
    // Started Saturday 7 March in New York; the day-1 lesson opens at midnight New York time on the 8th.
    const start = "2026-03-07";
    expect(opensOn(start, 1)).toBe("2026-03-08");
    expect(isReleased(start, 1, "America/New_York", new Date("2026-03-08T04:59:00Z"))).toBe(false); // 23:59 EST on the 7th
    expect(isReleased(start, 1, "America/New_York", new Date("2026-03-08T05:00:00Z"))).toBe(true); // 00:00 on the 8th
    // The same instant in Tokyo is already the 8th (afternoon).
    expect(isReleased(start, 1, "Asia/Tokyo", new Date("2026-03-08T04:59:00Z"))).toBe(true);
  });

  it("counts days correctly across the spring-forward and fall-back changes", () => {
    // US clocks go forward on 8 March 2026 and back on 1 November 2026: those days are 23 and 25 hours long.
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-10-31", "2026-11-02")).toBe(2);
    expect(isReleased("2026-03-08", 1, "America/New_York", new Date("2026-03-09T03:59:00Z"))).toBe(false); // 23:59 EDT on the 8th
    expect(isReleased("2026-03-08", 1, "America/New_York", new Date("2026-03-09T04:00:00Z"))).toBe(true); // midnight EDT
    expect(isReleased("2026-11-01", 1, "America/New_York", new Date("2026-11-02T04:59:00Z"))).toBe(false); // 23:59 EST on the 1st
    expect(isReleased("2026-11-01", 1, "America/New_York", new Date("2026-11-02T05:00:00Z"))).toBe(true);
    // Europe changes on a different weekend (29 March, 25 October).
    expect(isReleased("2026-03-28", 1, "Europe/Berlin", new Date("2026-03-28T22:59:00Z"))).toBe(false);
    expect(isReleased("2026-03-28", 1, "Europe/Berlin", new Date("2026-03-28T23:00:00Z"))).toBe(true);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(opensOn("2026-11-26", 0)).toBe("2026-11-26");
  });
});
