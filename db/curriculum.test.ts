import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCurriculum, type SeedModule } from "./curriculum";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const words = (md: string) => md.split(/\s+/).filter(Boolean).length;

describe("the starter curriculum in content/curriculum", () => {
  let curriculum: SeedModule[];
  let allLessons: SeedModule["lessons"];
  beforeAll(async () => {
    curriculum = await loadCurriculum();
    allLessons = curriculum.flatMap((m) => m.lessons);
  });

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

describe("loading the curriculum", () => {
  let root: string;
  const lesson = (title: string, days: unknown, text = "The lesson.\n\n# Exercise\n\nThe exercise.") => `---\ntitle: ${title}\nopensAfterDays: ${days}\n---\n\n${text}\n`;
  const moduleFile = "---\ntitle: First\n---\n\nA summary.\n";

  /** A curriculum folder with these files (path → text); returns its path. */
  async function folder(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(root, "c-"));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    return dir;
  }
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "curriculum-test-"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("orders modules and lessons by their numbers (not as text), takes slugs from the names, and the exercise from under its heading", async () => {
    const dir = await folder({
      "2-later/module.md": "---\ntitle: Later\n---\n\nSecond.\n",
      "2-later/1-last.md": lesson("Last", 9),
      "1-first/module.md": moduleFile.replace(/\n/g, "\r\n"),
      "1-first/10-tenth.md": lesson("Tenth", 3),
      "1-first/9-ninth.md": lesson(`"Ninth: with a colon"`, 1, "## Heading\n\nText.\n\n# Exercise\n\n- Do it."),
    });
    expect(await loadCurriculum(dir)).toEqual([
      {
        slug: "first",
        title: "First",
        summary: "A summary.",
        lessons: [
          { slug: "ninth", title: "Ninth: with a colon", releaseOffsetDays: 1, bodyMd: "## Heading\n\nText.", exerciseMd: "- Do it." },
          { slug: "tenth", title: "Tenth", releaseOffsetDays: 3, bodyMd: "The lesson.", exerciseMd: "The exercise." },
        ],
      },
      { slug: "later", title: "Later", summary: "Second.", lessons: [{ slug: "last", title: "Last", releaseOffsetDays: 9, bodyMd: "The lesson.", exerciseMd: "The exercise." }] },
    ]);
  });

  it.each([
    ["a negative offset", { "1-first/1-a.md": lesson("A", -1) }, /1-first\/1-a\.md: front matter: opensAfterDays/],
    ["a missing title", { "1-first/1-a.md": "---\nopensAfterDays: 0\n---\n\nText.\n\n# Exercise\n\nDo.\n" }, /1-first\/1-a\.md: front matter: title/],
    ["an unknown field", { "1-first/1-a.md": "---\ntitle: A\nopensAfterDays: 0\ndraft: true\n---\n\nText.\n\n# Exercise\n\nDo.\n" }, /1-first\/1-a\.md: front matter/],
    ["broken YAML", { "1-first/1-a.md": "---\ntitle: [A\n---\n\nText.\n" }, /1-first\/1-a\.md: front matter is not valid YAML/],
    ["no front matter", { "1-first/1-a.md": "Text.\n" }, /1-first\/1-a\.md: must start with front matter/],
    ["no exercise", { "1-first/1-a.md": lesson("A", 0, "Only the lesson.") }, /1-first\/1-a\.md: needs exactly one "# Exercise" line/],
    ["two exercises", { "1-first/1-a.md": lesson("A", 0, "L.\n\n# Exercise\n\nE.\n\n# Exercise\n\nF.") }, /1-first\/1-a\.md: needs exactly one/],
    ["a badly named file", { "1-first/First Lesson.md": lesson("A", 0) }, /1-first\/First Lesson\.md: name must be/],
    ["two files with one number", { "1-first/1-a.md": lesson("A", 0), "1-first/1-b.md": lesson("B", 0) }, /1-first\/1-b\.md: has the same number as 1-a\.md/],
    ["a slug used twice", { "1-first/1-a.md": lesson("A", 0), "2-second/module.md": moduleFile, "2-second/1-a.md": lesson("A again", 0) }, /2-second\/1-a\.md: uses the slug "a" of 1-first\/1-a\.md/],
  ])("refuses %s, naming the file", async (_, files, message) => {
    const dir = await folder({ "1-first/module.md": moduleFile, ...files });
    await expect(loadCurriculum(dir)).rejects.toThrow(message);
  });

  it("refuses a module without module.md or without lessons", async () => {
    await expect(loadCurriculum(await folder({ "1-first/1-a.md": lesson("A", 0) }))).rejects.toThrow(/1-first: has no module\.md/);
    await expect(loadCurriculum(await folder({ "1-first/module.md": moduleFile }))).rejects.toThrow(/1-first: has no lessons/);
  });
});
