// The starter curriculum seeded into an empty Dojo, read from Markdown files a coach
// can open and edit (coaches edit the seeded lessons in the app afterwards):
//
//   content/curriculum/<NN>-<module-slug>/module.md             front matter: title; text: the module's summary
//   content/curriculum/<NN>-<module-slug>/<NN>-<lesson-slug>.md front matter: title, opensAfterDays;
//                                                               text: the lesson, then a "# Exercise" line and the exercise
//
// The numbers give the order, the rest of the name the slug. Read from process.cwd(), like
// the migrations: scripts, tests, `next dev`, `next start` and the benchmark all run from the
// project's root, and Next's server bundle has no stable path of its own to resolve from.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export interface SeedLesson {
  slug: string;
  title: string;
  releaseOffsetDays: number;
  bodyMd: string;
  exerciseMd: string;
}

export interface SeedModule {
  slug: string;
  title: string;
  summary: string;
  lessons: SeedLesson[];
}

export const defaultCurriculumDir = () => path.join(process.cwd(), "content", "curriculum");

const moduleFrontMatter = z.strictObject({ title: z.string().trim().min(1) });
const lessonFrontMatter = z.strictObject({
  title: z.string().trim().min(1),
  /** Days after the member's start when the lesson opens (0 = at once). */
  opensAfterDays: z.number().int().min(0),
});

const orderedName = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const exerciseHeading = /^# Exercise[ \t]*$/m;

/** A problem with one content file, named relative to the curriculum folder so an editor can find it. */
export class CurriculumError extends Error {
  constructor(file: string, problem: string, area = "curriculum") {
    super(`${area}: ${file}: ${problem}`);
    this.name = "CurriculumError";
  }
}

/** Front matter between `---` lines at the very top, then the Markdown text. */
export function splitFrontMatter(text: string, file: string, area?: string): { data: unknown; body: string } {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/.exec(normalized);
  if (!match) throw new CurriculumError(file, "must start with front matter between two --- lines", area);
  try {
    return { data: parseYaml(match[1] ?? ""), body: (match[2] ?? "").trim() };
  } catch (err) {
    throw new CurriculumError(file, `front matter is not valid YAML (${err instanceof Error ? err.message : String(err)})`, area);
  }
}

export function frontMatter<T>(schema: z.ZodType<T>, data: unknown, file: string, area?: string): T {
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
  throw new CurriculumError(file, `front matter: ${problems.join("; ")}`, area);
}

/** The entries of a folder named <NN>-<slug>, in their numbered order. */
function ordered(names: string[], folder: string, suffix: string): { name: string; slug: string }[] {
  const seen = new Map<number, string>();
  const entries = names.map((name) => {
    const match = orderedName.exec(name.slice(0, name.length - suffix.length));
    if (!name.endsWith(suffix) || !match) throw new CurriculumError(path.join(folder, name), `name must be <number>-<kebab-case-slug>${suffix}`);
    const order = Number(match[1]);
    const clash = seen.get(order);
    if (clash) throw new CurriculumError(path.join(folder, name), `has the same number as ${clash}`);
    seen.set(order, name);
    return { name, slug: match[2] ?? "", order };
  });
  return entries.sort((a, b) => a.order - b.order);
}

// Every file access goes through these two, marked so Turbopack does not trace the whole project into
// the server's output for them: the folder is read at run time from the working directory, like drizzle/.
export const listFolder = async (...parts: string[]) => (await readdir(/*turbopackIgnore: true*/ path.join(...parts))).filter((n) => !n.startsWith("."));
export const readText = (...parts: string[]) => readFile(/*turbopackIgnore: true*/ path.join(...parts), "utf8");

async function loadLesson(dir: string, file: string): Promise<SeedLesson & { file: string }> {
  const { data, body } = splitFrontMatter(await readText(dir, file), file);
  const meta = frontMatter(lessonFrontMatter, data, file);
  const parts = body.split(exerciseHeading);
  if (parts.length !== 2) throw new CurriculumError(file, `needs exactly one "# Exercise" line between the lesson and its exercise (found ${parts.length - 1})`);
  const [bodyMd = "", exerciseMd = ""] = parts.map((p) => p.trim());
  if (!bodyMd) throw new CurriculumError(file, "the lesson text is empty");
  if (!exerciseMd) throw new CurriculumError(file, "the exercise is empty");
  const slug = orderedName.exec(path.basename(file, ".md"))?.[2] ?? "";
  return { file, slug, title: meta.title, releaseOffsetDays: meta.opensAfterDays, bodyMd, exerciseMd };
}

/** Reads and checks the whole curriculum; any problem throws a CurriculumError naming the file. */
export async function loadCurriculum(dir = defaultCurriculumDir()): Promise<SeedModule[]> {
  const moduleDirs = ordered(await listFolder(dir), "", "");
  const lessonFiles = new Map<string, string>();
  const modules: SeedModule[] = [];
  for (const { name: folder, slug } of moduleDirs) {
    const names = await listFolder(dir, folder);
    if (!names.includes("module.md")) throw new CurriculumError(folder, "has no module.md (its title and summary)");
    const moduleFile = path.join(folder, "module.md");
    const { data, body: summary } = splitFrontMatter(await readText(dir, moduleFile), moduleFile);
    const { title } = frontMatter(moduleFrontMatter, data, moduleFile);
    if (!summary) throw new CurriculumError(moduleFile, "the summary (the text under the front matter) is empty");

    const lessons: SeedLesson[] = [];
    for (const { name } of ordered(names.filter((n) => n !== "module.md"), folder, ".md")) {
      const { file, ...lesson } = await loadLesson(dir, path.join(folder, name));
      const other = lessonFiles.get(lesson.slug);
      if (other) throw new CurriculumError(file, `uses the slug "${lesson.slug}" of ${other}`);
      lessonFiles.set(lesson.slug, file);
      lessons.push(lesson);
    }
    if (lessons.length === 0) throw new CurriculumError(folder, "has no lessons");
    modules.push({ slug, title, summary, lessons });
  }
  if (modules.length === 0) throw new CurriculumError(".", `no modules in ${dir}`);
  return modules;
}
