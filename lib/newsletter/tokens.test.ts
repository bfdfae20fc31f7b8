import { afterEach, describe, expect, it, vi } from "vitest";
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

describe("newsletter links across an AUTH_SECRET rotation", () => {
  const oldSecret = "the-secret-before-the-rotation-0123456789";
  const newSecret = "the-secret-after-the-rotation-9876543210ab";
  const subscriber = "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";

  async function tokensWith(envVars: Record<string, string>) {
    vi.unstubAllEnvs();
    for (const [k, v] of Object.entries(envVars)) vi.stubEnv(k, v);
    vi.resetModules();
    return import("./tokens");
  }
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("keeps an unsubscribe link from before the rotation working while the old secret is listed as previous", async () => {
    const before = await tokensWith({ AUTH_SECRET: oldSecret });
    const link = before.manageToken(subscriber);
    const rotated = await tokensWith({ AUTH_SECRET: newSecret, AUTH_SECRET_PREVIOUS: oldSecret });
    expect(rotated.readManageToken(link)).toBe(subscriber);
    expect(rotated.manageToken(subscriber)).not.toBe(link);
    const dropped = await tokensWith({ AUTH_SECRET: newSecret });
    expect(dropped.readManageToken(link)).toBeNull();
  });
});
