import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedKey, seal, setDataKeyForTests, unseal, UnsealError } from "./sealed";

describe("sealing private text", () => {
  beforeAll(() => setDataKeyForTests(randomBytes(32)));
  afterAll(() => setDataKeyForTests(undefined));

  it("derives one stable 256-bit key per purpose, which changes with DATA_KEY", () => {
    const a = derivedKey("checkin-device-draft:v1:user-a");
    expect(a).toHaveLength(32);
    expect(derivedKey("checkin-device-draft:v1:user-a")).toEqual(a);
    expect(derivedKey("checkin-device-draft:v1:user-b")).not.toEqual(a);
    setDataKeyForTests(randomBytes(32));
    expect(derivedKey("checkin-device-draft:v1:user-a")).not.toEqual(a);
  });

  it("opens only for the row it was sealed to", () => {
    const sealed = seal("I miss him", "row-1");
    expect(sealed).not.toContain("miss");
    expect(unseal(sealed, "row-1")).toBe("I miss him");
    expect(() => unseal(sealed, "row-2")).toThrow(UnsealError);
  });

  it("uses a fresh IV each time, and refuses a tampered value", () => {
    const a = seal("same words", "row-1");
    const b = seal("same words", "row-1");
    expect(a).not.toBe(b);
    const [v, iv, tag, body] = a.split(".");
    const flipped = `${v}.${iv}.${tag}.${body?.slice(0, -2)}${body?.endsWith("A") ? "B" : "A"}${body?.slice(-1)}`;
    expect(() => unseal(flipped, "row-1")).toThrow(UnsealError);
  });

  it("does not open with another key", () => {
    const sealed = seal("secret", "row-1");
    setDataKeyForTests(randomBytes(32));
    expect(() => unseal(sealed, "row-1")).toThrow(UnsealError);
  });
});
