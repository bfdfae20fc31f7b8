import { describe, expect, it } from "vitest";
import { instantToLocal, localToInstant } from "./schedule-time";

describe("wall-clock times in the coach's zone", () => {
  it("reads a datetime-local value in the given zone, across daylight saving", () => {
    expect(localToInstant("2025-01-15T09:00", "UTC")?.toISOString()).toBe("2025-01-15T09:00:00.000Z");
    expect(localToInstant("2025-01-15T09:00", "America/New_York")?.toISOString()).toBe("2025-01-15T14:00:00.000Z");
    expect(localToInstant("2025-07-15T09:00", "America/New_York")?.toISOString()).toBe("2025-07-15T13:00:00.000Z");
    expect(localToInstant("2025-07-15T09:00", "Australia/Sydney")?.toISOString()).toBe("2025-07-14T23:00:00.000Z");
    expect(localToInstant("2025-03-30T01:30", "Europe/Berlin")?.toISOString()).toBe("2025-03-30T00:30:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const bad of ["", "2025-02-30T10:00", "2025-01-01 10:00", "2025-01-01T24:00", "tomorrow"]) expect(localToInstant(bad, "UTC")).toBeNull();
  });

  it("shows an instant back as the same wall-clock value", () => {
    const at = new Date("2025-07-15T13:00:00Z");
    expect(instantToLocal(at, "America/New_York")).toBe("2025-07-15T09:00");
    expect(localToInstant(instantToLocal(at, "Asia/Kolkata"), "Asia/Kolkata")?.toISOString()).toBe(at.toISOString());
  });
});
