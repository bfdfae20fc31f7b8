import { describe, expect, it } from "vitest";
import { quizV1 } from "@/lib/quiz/definitions/v1";
import { curriculum, lessonForPrescription } from "./curriculum";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const words = (md: string) => md.split(/\s+/).filter(Boolean).length;
const allLessons = curriculum.flatMap((m) => m.lessons);
const nonSafetyPrescriptions = [
  "limited_contact",
  "brief_kind_reply",
  "step_back_reset",
  "focus_on_you",
  "stay_the_course",
  "start_with_space",
];

describe("starter curriculum", () => {
  it("has at least 4 modules and 16 lessons", () => {
    expect(curriculum.length).toBeGreaterThanOrEqual(4);
    expect(allLessons.length).toBeGreaterThanOrEqual(16);
    for (const m of curriculum) expect(m.lessons.length, m.slug).toBeGreaterThan(0);
  });

  it("gives every module a title and a summary", () => {
    for (const m of curriculum) {
      expect(m.title.trim(), m.slug).not.toBe("");
      expect(m.summary.trim(), m.slug).not.toBe("");
    }
  });

  it("has a lesson body of at least 300 words and a non-empty exercise in every lesson", () => {
    for (const l of allLessons) {
      expect(l.title.trim(), l.slug).not.toBe("");
      expect(words(l.bodyMd), l.slug).toBeGreaterThanOrEqual(300);
      expect(l.exerciseMd.trim(), l.slug).not.toBe("");
    }
  });

  it("uses unique kebab-case slugs", () => {
    const lessonSlugs = allLessons.map((l) => l.slug);
    const moduleSlugs = curriculum.map((m) => m.slug);
    for (const slug of [...lessonSlugs, ...moduleSlugs]) expect(slug).toMatch(kebab);
    expect(new Set(lessonSlugs).size).toBe(lessonSlugs.length);
    expect(new Set(moduleSlugs).size).toBe(moduleSlugs.length);
  });

  it("releases lessons at non-negative offsets that never go backwards within a module", () => {
    for (const m of curriculum) {
      let previous = 0;
      for (const l of m.lessons) {
        expect(Number.isInteger(l.releaseOffsetDays), l.slug).toBe(true);
        expect(l.releaseOffsetDays, l.slug).toBeGreaterThanOrEqual(previous);
        previous = l.releaseOffsetDays;
      }
    }
    expect(curriculum[0]?.lessons[0]?.releaseOffsetDays).toBe(0);
  });

  it("keeps the Markdown plain: no HTML, images or external links", () => {
    for (const l of allLessons) {
      for (const md of [l.bodyMd, l.exerciseMd]) {
        expect(md, l.slug).not.toMatch(/<\/?[a-z][^>]*>/i);
        expect(md, l.slug).not.toMatch(/!\[|\]\(|https?:\/\//);
      }
    }
  });
});

describe("lessonForPrescription", () => {
  const slugs = new Set(allLessons.map((l) => l.slug));

  it("points only at real lessons", () => {
    for (const [id, slug] of Object.entries(lessonForPrescription)) expect(slugs.has(slug), `${id} → ${slug}`).toBe(true);
  });

  it("maps every non-safety prescription and leaves safety_first out", () => {
    for (const id of nonSafetyPrescriptions) expect(lessonForPrescription[id], id).toBeDefined();
    expect(lessonForPrescription).not.toHaveProperty("safety_first");
  });

  it("stays in step with the quiz's prescriptions", () => {
    const quizIds = quizV1.prescriptions.filter((p) => !("crisis" in p && p.crisis)).map((p) => p.id);
    expect([...quizIds].sort()).toEqual(Object.keys(lessonForPrescription).sort());
  });
});
