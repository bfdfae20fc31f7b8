// The people the suite acts as, written straight into the stack's database
// before the servers start (a PGlite folder has one owner): anonymous, member A
// with records of her own (check-ins, a coach reply, progress), member B who
// wants A's records, a lapsed member, a coach and an admin. Each signed-in role
// gets a database session like the one Auth.js creates at sign-in, so a test
// holds the cookie a real browser would.
import { randomBytes, randomUUID } from "node:crypto";
import * as tables from "../../db/schema";
import type { Db } from "../../db/client";
import { seal } from "../../lib/crypto/sealed";
import { Browser } from "./http";
import { afterAll, beforeAll } from "vitest";
import type { Engine } from "./database";
import { outsideSecrets, startStack, type Stack, type StackOptions } from "./stack";

export type Role = "anonymous" | "memberA" | "memberB" | "lapsed" | "coach" | "admin";
export const ROLES: Role[] = ["anonymous", "memberA", "memberB", "lapsed", "coach", "admin"];

export interface Person {
  id: string;
  email: string;
  sessionToken: string;
}

export interface World {
  people: Record<Exclude<Role, "anonymous">, Person>;
  /** A's records, the ones B, the lapsed member and anonymous visitors must not reach. */
  a: { checkinId: string; draftText: string; contactEventId: string };
  /** Records of the coach console. */
  lessonId: string;
  lessonSlug: string;
  /** The seeded, published article. */
  articleId: string;
  articleSlug: string;
  /** The seeded, published product. */
  productId: string;
  productSlug: string;
  issueId: string;
  subscriberId: string;
  /** Signed-in people with no membership yet: each test that makes someone pay takes its own. */
  spares: Person[];
  /** A browser for `role` against `base` (cookies set for signed-in roles). */
  browser(role: Role, base: string): Browser;
  /** A browser signed in as `person`. */
  browserOf(person: Person, base: string): Browser;
}

export const SESSION_COOKIE = "authjs.session-token";
const DAY_MS = 86_400_000;

function one<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`the world needs ${what}, and the seeded database has none`);
  return row;
}

async function person(db: Db, tag: string, role: "member" | "coach" | "admin"): Promise<Person> {
  const id = randomUUID();
  const email = `${tag}-${id.slice(0, 8)}@outside.example`;
  await db.insert(tables.users).values({ id, email, role, emailVerified: new Date() });
  const sessionToken = randomBytes(32).toString("base64url");
  await db.insert(tables.sessions).values({ sessionToken, userId: id, expires: new Date(Date.now() + 30 * DAY_MS) });
  return { id, email, sessionToken };
}

async function subscribe(db: Db, userId: string, status: "active" | "canceled") {
  const plan = one(await db.select().from(tables.plans).limit(1), "a plan");
  const now = Date.now();
  await db.insert(tables.subscriptions).values({
    id: `sub_outside_${randomBytes(6).toString("hex")}`,
    userId,
    stripeCustomerId: `cus_outside_${randomBytes(6).toString("hex")}`,
    status,
    stripePriceId: plan.stripePriceId,
    currentPeriodEnd: new Date(status === "active" ? now + 20 * DAY_MS : now - 10 * DAY_MS),
    endedAt: status === "canceled" ? new Date(now - 10 * DAY_MS) : null,
  });
  await db.insert(tables.memberDojo).values({ userId, startDate: new Date(now - 40 * DAY_MS).toISOString().slice(0, 10) });
}

/** Writes the world into `db` (the suite's own database, freshly seeded). */
export async function buildWorld(db: Db, opts: { spares?: number } = {}): Promise<World> {
  process.env.DATA_KEY ??= outsideSecrets.dataKey;
  const memberA = await person(db, "member-a", "member");
  const memberB = await person(db, "member-b", "member");
  const lapsed = await person(db, "lapsed", "member");
  const coach = await person(db, "coach", "coach");
  const admin = await person(db, "admin", "admin");
  await subscribe(db, memberA.id, "active");
  await subscribe(db, memberB.id, "active");
  await subscribe(db, lapsed.id, "canceled");

  const checkinId = randomUUID();
  await db.insert(tables.checkins).values({
    id: checkinId,
    userId: memberA.id,
    status: "waiting",
    mood: 2,
    contentEnc: seal(JSON.stringify({ happened: "A's private words: only A and the coaches may read them.", win: "", hard: "", question: "" }), checkinId),
    submittedAt: new Date(),
  });
  const draftText = "A's draft, not sent yet";
  const draftId = randomUUID();
  await db.insert(tables.checkins).values({
    id: draftId,
    userId: memberA.id,
    status: "draft",
    contentEnc: seal(JSON.stringify({ happened: draftText, win: "", hard: "", question: "" }), draftId),
  });
  const contact = one(
    await db
      .insert(tables.contactEvents)
      .values({ userId: memberA.id, kind: "ex_reached_out", onDate: new Date().toISOString().slice(0, 10) })
      .returning(),
    "a contact event",
  );
  const lesson = one(await db.select({ id: tables.lessons.id, slug: tables.lessons.slug }).from(tables.lessons).limit(1), "a lesson");
  const article = one(await db.select({ id: tables.articles.id, slug: tables.articles.slug }).from(tables.articles).limit(1), "an article");
  const product = one(await db.select({ id: tables.products.id, slug: tables.products.slug }).from(tables.products).limit(1), "a product");
  const issue = one(
    await db.insert(tables.newsletterIssues).values({ subject: "Outside-in draft issue", bodyMd: "A draft only coaches see." }).returning(),
    "a newsletter issue",
  );
  const subscriber = one(
    await db
      .insert(tables.newsletterSubscribers)
      .values({ email: `reader-${randomBytes(3).toString("hex")}@outside.example`, status: "confirmed", source: "newsletter", subscribedAt: new Date() })
      .returning(),
    "a subscriber",
  );

  const spares: Person[] = [];
  for (let i = 0; i < (opts.spares ?? 0); i++) spares.push(await person(db, `spare-${i}`, "member"));

  const people = { memberA, memberB, lapsed, coach, admin };
  return {
    people,
    a: { checkinId, draftText, contactEventId: String(contact.id) },
    lessonId: String(lesson.id),
    lessonSlug: lesson.slug,
    articleId: String(article.id),
    articleSlug: article.slug,
    productId: String(product.id),
    productSlug: product.slug,
    issueId: String(issue.id),
    subscriberId: subscriber.id,
    spares,
    browser(role, base) {
      if (role === "anonymous") return new Browser(base);
      return new Browser(base, { [SESSION_COOKIE]: people[role].sessionToken });
    },
    browserOf(p, base) {
      return new Browser(base, { [SESSION_COOKIE]: p.sessionToken });
    },
  };
}

/** Values for a page pattern's dynamic segments, naming the world's own records. */
export function pathParams(pattern: string, world: World): Record<string, string> {
  if (pattern.startsWith("/coach/lessons")) return { id: world.lessonId };
  if (pattern.startsWith("/coach/articles")) return { id: world.articleId };
  if (pattern.startsWith("/articles")) return { slug: world.articleSlug };
  if (pattern.startsWith("/coach/products") || pattern.startsWith("/api/coach/products")) return { id: world.productId };
  if (pattern.startsWith("/products") || pattern.startsWith("/billing/buy")) return { slug: world.productSlug };
  if (pattern.includes("newsletter")) return { id: world.issueId, slug: "outside-in-draft-issue" };
  if (pattern.startsWith("/coach/check-ins")) return { id: world.a.checkinId };
  return { id: world.a.checkinId, slug: world.lessonSlug, token: "no-such-result", nextauth: "session" };
}

/**
 * A stack on `engine` with the world written into it, started before a describe
 * block's tests and stopped after them. Read `.stack` and `.world` inside tests.
 */
export function stackWithWorld(
  engine: Engine,
  options: Omit<StackOptions, "engine" | "prepare"> & { spares?: number; more?: (db: Db) => Promise<void> } = {},
): { stack: Stack; world: World } {
  const ctx = {} as { stack: Stack; world: World };
  const { spares, more, ...stackOptions } = options;
  beforeAll(async () => {
    ctx.stack = await startStack({
      ...stackOptions,
      engine,
      prepare: async (db) => {
        ctx.world = await buildWorld(db.db, { spares });
        await more?.(db.db);
      },
    });
  });
  afterAll(async () => {
    await ctx.stack?.stop();
  });
  return ctx;
}
