// The first articles, seeded into an empty articles table from Markdown files
// (coaches edit them in the app afterwards):
//
//   content/articles/<NN>-<slug>.md   front matter: title, summary; text: the article
//
// The number orders them (the first is published first), the rest of the name is the slug.
import path from "node:path";
import { z } from "zod";
import { CurriculumError, frontMatter, listFolder, readText, splitFrontMatter } from "./curriculum";

export interface SeedArticle {
  slug: string;
  title: string;
  summary: string;
  bodyMd: string;
}

export const defaultArticlesDir = () => path.join(process.cwd(), "content", "articles");

const articleFrontMatter = z.strictObject({
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1).max(300),
});

const AREA = "articles";
const fileName = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** Reads and checks the starter articles; any problem throws naming the file. */
export async function loadArticles(dir = defaultArticlesDir()): Promise<SeedArticle[]> {
  const files = (await listFolder(dir)).map((name) => {
    const match = fileName.exec(name);
    if (!match) throw new CurriculumError(name, "name must be <number>-<kebab-case-slug>.md", AREA);
    return { name, order: Number(match[1]), slug: match[2] ?? "" };
  });
  files.sort((a, b) => a.order - b.order);
  const list: SeedArticle[] = [];
  for (const { name, slug } of files) {
    const { data, body } = splitFrontMatter(await readText(dir, name), name, AREA);
    const meta = frontMatter(articleFrontMatter, data, name, AREA);
    if (!body) throw new CurriculumError(name, "the article text is empty", AREA);
    list.push({ slug, title: meta.title, summary: meta.summary, bodyMd: body });
  }
  return list;
}
