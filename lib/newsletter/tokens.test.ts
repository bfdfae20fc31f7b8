import { describe, expect, it } from "vitest";
import { confirmToken, manageToken, readConfirmToken, readManageToken } from "./tokens";

const id = "5f0c8a3e-1b2c-4d5e-8f90-123456789abc";

describe("newsletter link tokens", () => {
  it("a manage token names its subscriber and nothing else reads as valid", () => {
    const token = manageToken(id);
    expect(token).toMatch(/^[0-9a-f]{32}\.[A-Za-z0-9_-]{43}$/);
    expect(readManageToken(token)).toBe(id);
    const [hex, sig] = token.split(".");
    const otherHex = `${hex?.slice(0, -1)}${hex?.endsWith("0") ? "1" : "0"}`;
    for (const bad of [
      `${otherHex}.${sig}`, // someone else's id with this signature
      `${hex}.${sig?.slice(0, -1)}${sig?.endsWith("A") ? "B" : "A"}`, // one character of the signature changed
      `${hex}.${sig}.extra`,
      `${hex}`,
      "",
      "x".repeat(500),
      undefined,
      42,
    ]) {
      expect(readManageToken(bad)).toBeNull();
    }
  });

  it("a confirmation token expires and only matches the nonce it was made with", () => {
    const now = new Date("2025-01-01T00:00:00Z");
    const token = confirmToken(id, "nonce-1", now);
    const claim = readConfirmToken(token, now);
    expect(claim?.subscriberId).toBe(id);
    expect(claim?.matches("nonce-1")).toBe(true);
    expect(claim?.matches("nonce-2")).toBe(false);
    expect(claim?.matches(null)).toBe(false);
    expect(readConfirmToken(token, new Date(now.getTime() + 47.9 * 3_600_000))).not.toBeNull();
    expect(readConfirmToken(token, new Date(now.getTime() + 48 * 3_600_000))).toBeNull();
    // A manage token is not a confirmation token, nor the other way round.
    expect(readConfirmToken(manageToken(id), now)).toBeNull();
    expect(readManageToken(token)).toBeNull();
  });
});
