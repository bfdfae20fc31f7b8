import { describe, expect, it } from "vitest";
import { detectDanger, isUrgent } from "./detect";

describe("spotting danger in what members write", () => {
  it.each([
    ["I want to die", "self_harm"],
    ["honestly i dont want to live anymore", "self_harm"],
    ["I don't want to be here anymore", "self_harm"],
    ["I've been thinking about suicide", "self_harm"],
    ["I keep wanting to hurt my self", "self_harm"],
    ["self-harm again last night", "self_harm"],
    ["I'm not okay, I want to die", "self_harm"],
    ["he hit me when I went to get my things", "abuse"],
    ["She threatened to kill me if I leave", "abuse"],
    ["I'm scared of him", "abuse"],
    ["he keeps showing up at my work", "stalking"],
    ["she is tracking my phone", "stalking"],
    ["he won't leave me alone", "stalking"],
  ])("flags “%s” as %s", (text, kind) => {
    expect(detectDanger(text).kinds).toContain(kind);
  });

  it.each([
    ["I feel suicidel", "self_harm"], // misspelled
    ["i want to kil myself", "self_harm"],
    ["thinking of killing myslef", "self_harm"],
    ["he strangeled me", "abuse"],
    ["hes stalkng me", "stalking"],
  ])("flags the misspelling “%s” as %s", (text, kind) => {
    expect(detectDanger(text).kinds).toContain(kind);
  });

  it.each([
    "I would never hurt myself, don't worry",
    "I'm not going to kill myself, I just feel flat",
    "He never hit me, it wasn't like that",
    "I'm not scared of him, just sad",
    "She didn't threaten me",
  ])("does not flag the obvious negation “%s”", (text) => {
    expect(isUrgent(text)).toBe(false);
  });

  it.each([
    "Had a good day. Went for a run and ate well.",
    "I miss her so much it hurts",
    "My boss hit the roof about the report",
    "We followed the plan for the kids' handover",
    "This breakup is killing me slowly, haha, but I'm fine",
  ])("leaves ordinary days alone: “%s”", (text) => {
    expect(isUrgent(text)).toBe(false);
  });

  it("looks across every field of a check-in", () => {
    expect(detectDanger("fine", "", "he followed me home").kinds).toEqual(["stalking"]);
  });
});
