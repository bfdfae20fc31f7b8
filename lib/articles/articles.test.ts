import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { loadArticles } from "@/db/articles";
import { articles, articleVersions, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { ForbiddenError, type CurrentUser } from "@/lib/auth/current-user";
import { articleForEditing, createArticle, listArticleVersions, listArticlesForCoach, restoreArticleVersion, saveArticle } from "./editor";
import { publishedArticle, publishedArticles } from "./public";

describe.each(testDatabases())("articles on $kind", (target) => {
  let handle: DbHandle;
  let coach: CurrentUser;
  let member: CurrentUser;

  async function person(email: string, role: CurrentUser["role"]): Promise<CurrentUser> {
    const [row] = await handle.db.insert(users).values({ email, role }).returning({ id: users.id });
    return { id: row?.id ?? "", email, role, timeZone: "UTC", sessionToken: "t" };
  }
  const fields = (over: Partial<{ title: string; slug: string; summary: string; bodyMd: string; status: "draft" | "published" }> = {}) => ({
    title: "Sleep first",
    slug: "sleep-first",
    summary: "Why rest comes before plans.",
    bodyMd: "Go to bed. Everything looks different after sleep.",
    status: "published" as const,
    ...over,
  });
  async function draft(title: string): Promise<number> {
    const made = await createArticle(coach, { title });
    if (!made.ok) throw new Error(made.error);
    return made.id;
  }
  const publicSlugs = async () => (await publishedArticles()).map((a) => a.slug);

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    coach = await person("coach@example.com", "coach");
    member = await person("member@example.com", "member");
  });
  afterAll(() => handle.close());

  it("seeds the first article from content/articles, published, once", async () => {
    await seed(handle.db);
    await seed(handle.db);
    const files = await loadArticles();
    expect(files.map((f) => f.slug)).toContain("does-no-contact-really-work");
    const rows = await handle.db.select({ slug: articles.slug, status: articles.status }).from(articles);
    expect(rows).toEqual(files.map((f) => ({ slug: f.slug, status: "published" })));
    const found = await publishedArticle("does-no-contact-really-work");
    expect(found.kind).toBe("article");
    if (found.kind !== "article") return;
    expect(found.article.title).toBe("Does no contact really work?");
    expect(found.article.minutes).toBeGreaterThanOrEqual(4);
    expect(found.article.parts).toContainEqual({ kind: "flowchart", name: "no-contact" });
  });

  it("keeps a draft out of every public read until it is published, and takes it out again when unpublished", async () => {
    const id = await draft("Sleep first");
    expect(await publicSlugs()).not.toContain("sleep-first");
    expect(await publishedArticle("sleep-first")).toEqual({ kind: "missing" });
    expect((await saveArticle(coach, id, fields({ status: "draft", bodyMd: "Marmalade is only in this draft." }))).ok).toBe(true);
    expect(await publishedArticle("sleep-first")).toEqual({ kind: "missing" });
    expect(JSON.stringify(await publishedArticles())).not.toContain("Marmalade");

    expect(await saveArticle(coach, id, fields())).toEqual({ ok: true, slug: "sleep-first", previousSlug: null });
    expect((await publicSlugs())[0]).toBe("sleep-first"); // newest first
    const open = await publishedArticle("sleep-first");
    expect(open.kind === "article" && open.article.parts).toEqual([{ kind: "html", html: "<p>Go to bed. Everything looks different after sleep.</p>\n" }]);
    const firstPublished = open.kind === "article" ? open.article.publishedAt : "";

    expect((await saveArticle(coach, id, fields({ status: "draft" }))).ok).toBe(true);
    expect(await publicSlugs()).not.toContain("sleep-first");
    expect(await publishedArticle("sleep-first")).toEqual({ kind: "missing" });

    // Published again: it keeps the date it first went out.
    expect((await saveArticle(coach, id, fields())).ok).toBe(true);
    const again = await publishedArticle("sleep-first");
    expect(again.kind === "article" && again.article.publishedAt).toBe(firstPublished);
  });

  it("keeps the text each save of a published article replaced, and restores it", async () => {
    const id = await draft("Eat something");
    const v = (bodyMd: string, title = "Eat something") => fields({ title, slug: "eat-something", bodyMd });
    await saveArticle(coach, id, { ...v("First text, while a draft."), status: "draft" });
    await saveArticle(coach, id, v("Second text, published."));
    expect(await listArticleVersions(coach, id)).toEqual([]); // drafts and first publishing keep nothing
    await saveArticle(coach, id, v("Third text.", "Eat something small"));
    await saveArticle(coach, id, v("Third text.", "Eat something small")); // no change, no version
    const versions = await listArticleVersions(coach, id);
    expect(versions.map((x) => x.title)).toEqual(["Eat something"]);

    expect(await restoreArticleVersion(coach, id, versions[0]!.id)).toEqual({ ok: true, slug: "eat-something", previousSlug: null });
    const restored = await articleForEditing(coach, id);
    expect(restored).toMatchObject({ title: "Eat something", bodyMd: "Second text, published.", status: "published" });
    expect((await listArticleVersions(coach, id)).map((x) => x.title)).toEqual(["Eat something small", "Eat something"]);
    const live = await publishedArticle("eat-something");
    expect(live.kind === "article" && live.article.title).toBe("Eat something");

    const other = await draft("Another one");
    expect(await restoreArticleVersion(coach, other, versions[0]!.id)).toEqual({ ok: false, error: "That version no longer exists." });
  });

  it("keeps an old address working after a rename, and refuses an address in use", async () => {
    const id = await draft("Breathe");
    await saveArticle(coach, id, fields({ title: "Breathe", slug: "breathe" }));
    expect(await saveArticle(coach, id, fields({ title: "Breathe", slug: "breathe-slowly" }))).toEqual({ ok: true, slug: "breathe-slowly", previousSlug: "breathe" });
    expect(await publishedArticle("breathe")).toEqual({ kind: "moved", slug: "breathe-slowly" });
    // A second rename: both old addresses lead to the current one.
    await saveArticle(coach, id, fields({ title: "Breathe", slug: "just-breathe" }));
    expect(await publishedArticle("breathe")).toEqual({ kind: "moved", slug: "just-breathe" });
    expect(await publishedArticle("breathe-slowly")).toEqual({ kind: "moved", slug: "just-breathe" });

    const taken = await saveArticle(coach, id, fields({ title: "Breathe", slug: "sleep-first" }));
    expect(taken).toMatchObject({ ok: false, fieldErrors: { slug: "The address “sleep-first” is already used by another article." } });
    // Another article may not take an address that still redirects here.
    const other = await draft("Other");
    expect((await saveArticle(coach, other, fields({ title: "Other", slug: "breathe" }))).ok).toBe(false);
    expect((await createArticle(coach, { title: "Breathe" })).ok).toBe(true); // a new draft gets a free address instead
    expect((await listArticlesForCoach(coach)).filter((a) => a.slug.startsWith("breathe")).map((a) => a.slug)).toEqual(["breathe-2"]);

    // Taking back its own old address works, and that address stops redirecting.
    expect((await saveArticle(coach, id, fields({ title: "Breathe", slug: "breathe" }))).ok).toBe(true);
    expect((await publishedArticle("breathe")).kind).toBe("article");

    // Unpublished, its old addresses lead nowhere either.
    await saveArticle(coach, id, fields({ title: "Breathe", slug: "breathe", status: "draft" }));
    expect(await publishedArticle("just-breathe")).toEqual({ kind: "missing" });
  });

  it("refuses bad input and changes nothing", async () => {
    const id = await draft("Careful");
    await saveArticle(coach, id, fields({ title: "Careful", slug: "careful" }));
    const before = await handle.db.query.articles.findFirst({ where: eq(articles.id, id) });
    const bad = await saveArticle(coach, id, { title: "", slug: "Bad Slug!", summary: "x", bodyMd: "y", status: "published" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { title: "Give the article a title.", slug: expect.stringMatching(/lower-case letters/) } });
    expect(await saveArticle(coach, id, fields({ title: "Careful", slug: "careful", bodyMd: ":::flowchart nowhere" }))).toMatchObject({ ok: false, fieldErrors: { bodyMd: expect.stringMatching(/decision tree/) } });
    expect(await saveArticle(coach, id, fields({ title: "Careful", slug: "careful", summary: "" }))).toMatchObject({ ok: false, fieldErrors: { summary: expect.any(String) } });
    // /articles/index is the list: no article may take that address, by hand or from its title.
    expect(await saveArticle(coach, id, fields({ title: "Careful", slug: "index" }))).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringMatching(/taken by the site/) } });
    const indexTitled = await createArticle(coach, { title: "Index" });
    expect(indexTitled.ok && (await articleForEditing(coach, indexTitled.id))?.slug).toBe("index-2");
    expect(await handle.db.query.articles.findFirst({ where: eq(articles.id, id) })).toEqual(before);
    expect(await saveArticle(coach, 999_999, fields())).toEqual({ ok: false, error: "This article no longer exists." });
  });

  it("refuses members and signed-out callers every coach function, and writes nothing", async () => {
    const id = (await handle.db.select({ id: articles.id }).from(articles).limit(1))[0]?.id ?? 0;
    const countVersions = async () => (await handle.db.select({ id: articleVersions.id }).from(articleVersions)).length;
    const before = { articles: await handle.db.select().from(articles), versions: await countVersions() };
    for (const who of [member, null]) {
      const actor = who as CurrentUser;
      await expect(listArticlesForCoach(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createArticle(actor, { title: "Mine now" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(articleForEditing(actor, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listArticleVersions(actor, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveArticle(actor, id, fields({ slug: "hijacked" }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(restoreArticleVersion(actor, id, 1)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect({ articles: await handle.db.select().from(articles), versions: await countVersions() }).toEqual(before);
  });
});
