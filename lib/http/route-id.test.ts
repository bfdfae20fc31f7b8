import { describe, expect, it } from "vitest";
import { routeId } from "./route-id";

describe("routeId", () => {
  it("reads the id of an ordinary address", () => {
    expect(routeId("12")).toBe(12);
    expect(routeId("999999999")).toBe(999_999_999);
  });

  it("refuses anything that is not a plain positive id an integer column can hold", () => {
    for (const raw of ["", "0", "007", "-3", "1e3", " 5", "5 ", "1.5", "12abc", "1234567890", "99999999999999999999"]) {
      expect(routeId(raw), raw).toBeNull();
    }
  });
});
