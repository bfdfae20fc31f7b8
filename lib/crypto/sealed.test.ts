import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedKey, derivedKeys, seal, sealedWithCurrentKey, setDataKeyForTests, unseal, UnsealError } from "./sealed";

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
    const parts = a.split(".");
    const body = parts.pop() ?? "";
    const flipped = [...parts, `${body.slice(0, -2)}${body.endsWith("A") ? "B" : "A"}${body.slice(-1)}`].join(".");
    expect(flipped.split(".")).toHaveLength(5);
    expect(() => unseal(flipped, "row-1")).toThrow(UnsealError);
  });

  it("does not open with another key", () => {
    const sealed = seal("secret", "row-1");
    setDataKeyForTests(randomBytes(32));
    expect(() => unseal(sealed, "row-1")).toThrow(UnsealError);
  });

  it("after a rotation seals with the new key, still opens what the old key sealed, and says which is which", () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    setDataKeyForTests(oldKey);
    const before = seal("written before the rotation", "row-1");
    const draftKey = derivedKey("checkin-device-draft:v1:user-a");
    setDataKeyForTests(newKey, [oldKey]);
    expect(unseal(before, "row-1")).toBe("written before the rotation");
    expect(sealedWithCurrentKey(before)).toBe(false);
    const after = seal("written after", "row-2");
    expect(sealedWithCurrentKey(after)).toBe(true);
    expect(after.split(".")[1]).not.toBe(before.split(".")[1]);
    // A device's copy locked with the old derived key can still be opened: the page hands over both, newest first.
    expect(derivedKeys("checkin-device-draft:v1:user-a")).toEqual([derivedKey("checkin-device-draft:v1:user-a"), draftKey]);
    // Once the old key is dropped, what it sealed no longer opens, and the error says what to do.
    setDataKeyForTests(newKey);
    expect(() => unseal(before, "row-1")).toThrow(/DATA_KEY_PREVIOUS/);
    expect(unseal(after, "row-2")).toBe("written after");
  });

  it("opens values sealed before key ids existed (v1) with whichever configured key fits", () => {
    const oldKey = randomBytes(32);
    setDataKeyForTests(oldKey);
    const [, , iv, tag, body] = seal("an early check-in", "row-9").split(".");
    const v1 = ["v1", iv, tag, body].join(".");
    setDataKeyForTests(randomBytes(32), [oldKey]);
    expect(unseal(v1, "row-9")).toBe("an early check-in");
    expect(sealedWithCurrentKey(v1)).toBe(false);
  });
});
