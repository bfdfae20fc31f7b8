import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirects";

const app = "http://localhost:3000";

describe("where sign-in may send you afterwards", () => {
  it.each([
    ["/dojo", "/dojo"],
    ["/join?plan=monthly&result=abc", "/join?plan=monthly&result=abc"],
    ["http://localhost:3000/account", "/account"],
    ["https://evil.example/phish", "/dojo"],
    ["//evil.example/phish", "/dojo"],
    ["/\\evil.example", "/dojo"],
    ["javascript:alert(1)", "/dojo"],
    ["http://localhost:3001/other-port", "/dojo"],
    ["", "/dojo"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input, app)).toBe(expected);
  });
});
