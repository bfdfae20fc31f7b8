import { describe, expect, it } from "vitest";
import { FLOWCHART_END, flowcharts, splitBody, unknownFlowcharts, type Flowchart } from "./flowchart";

/** Every path from the start, as the ids a reader passes through; throws on a cycle or a missing step. */
function paths(chart: Flowchart): string[][] {
  const byId = new Map(chart.steps.map((s) => [s.id, s]));
  const walk = (id: string, trail: string[]): string[][] => {
    if (trail.includes(id)) throw new Error(`${chart.name}: a cycle through ${[...trail, id].join(" → ")}`);
    const step = byId.get(id);
    if (!step) throw new Error(`${chart.name}: ${trail.at(-1)} leads to a step that doesn't exist (${id})`);
    if (step.kind === "outcome") return [[...trail, id]];
    if (step.answers.length === 0) throw new Error(`${chart.name}: ${id} is a question with no answers`);
    return step.answers.flatMap((a) => walk(a.to, [...trail, id]));
  };
  return walk(chart.start, []);
}

describe.each(Object.values(flowcharts))("the $name decision tree", (chart) => {
  it("has unique step ids that work as page anchors", () => {
    const ids = chart.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it("ends every path at an outcome, with no dead ends and no cycles", () => {
    const all = paths(chart);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const path of all) expect(chart.steps.find((s) => s.id === path.at(-1))?.kind).toBe("outcome");
  });

  it("reaches every step from the start: nothing is left over", () => {
    const reached = new Set(paths(chart).flat());
    expect(chart.steps.filter((s) => !reached.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it("gives every outcome advice; the page then links each one to the free plan at /quiz", () => {
    expect(FLOWCHART_END.href).toBe("/quiz");
    for (const step of chart.steps) if (step.kind === "outcome") expect(step.advice.length, step.id).toBeGreaterThan(0);
  });

  it("asks about safety first and sends anyone unsafe to help before anything else", () => {
    const first = chart.steps.find((s) => s.id === chart.start);
    expect(first?.kind).toBe("question");
    const unsafe = first?.kind === "question" ? chart.steps.find((s) => s.id === first.answers[0]?.to) : undefined;
    expect(unsafe?.kind === "outcome" && unsafe.urgent?.href).toBe("/help");
  });
});

describe("flowchart markers in an article", () => {
  it("splits the Markdown around marker lines, in order", () => {
    expect(splitBody("Intro.\n\n:::flowchart no-contact\n\nAfter.")).toEqual([
      { kind: "markdown", text: "Intro." },
      { kind: "flowchart", name: "no-contact" },
      { kind: "markdown", text: "After." },
    ]);
    expect(splitBody("Just text, :::flowchart no-contact mid-line.")).toEqual([{ kind: "markdown", text: "Just text, :::flowchart no-contact mid-line." }]);
  });

  it("names the markers that point at no tree", () => {
    expect(unknownFlowcharts(":::flowchart no-contact\n:::flowchart nope")).toEqual(["nope"]);
  });
});
