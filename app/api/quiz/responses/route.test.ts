import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { quizEvents, quizResults } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { getQuizResult } from "@/lib/quiz/results";
import { POST } from "./route";

const childrenAnswers = {
  when: "weeks",
  safety: ["neither"],
  who_ended: "them",
  ties: ["children"],
  no_contact: "no",
  ex_contacted: "yes",
  your_reply: "replied",
  pleaded: "no",
  goal: "not_sure",
  ex_new_partner: "dont_know",
};

let ipCounter = 0;
function post(body: string, headers: Record<string, string> = {}) {
  ipCounter++;
  return POST(
    new Request("http://localhost/api/quiz/responses", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.${ipCounter % 250}`, ...headers },
      body,
    }),
  );
}
const postJson = (value: unknown, headers?: Record<string, string>) => post(JSON.stringify(value), headers);

describe.each(testDatabases())("POST /api/quiz/responses on $kind", (target) => {
  let handle: DbHandle;
  const storedResults = async () => (await handle.db.select({ n: count() }).from(quizResults))[0]?.n;

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
  });
  afterAll(() => handle.close());
  beforeEach(async () => {
    await handle.db.execute(sql`truncate quiz_results, quiz_events, rate_limits cascade`);
  });

  it("stores a valid quiz and answers 201 with a permalink and the prescription", async () => {
    const res = await postJson({ answers: childrenAnswers });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(body.resultUrl).toBe(`http://localhost:3000/quiz/result/${body.token}`);
    expect(body.prescription.id).toBe("limited_contact");
    expect(body.prescription.steps.length).toBeGreaterThanOrEqual(3);
    expect(body.prescription.reasons.join(" ")).toMatch(/children/i);
    expect(await storedResults()).toBe(1);

    // The token is never stored, only its hash.
    const rows = await handle.db.select().from(quizResults);
    expect(JSON.stringify(rows)).not.toContain(body.token);
    const completed = await handle.db.select().from(quizEvents);
    expect(completed.map((e) => e.type)).toEqual(["completed"]);
  });

  it("renders the same stored prescription later", async () => {
    const body = await (await postJson({ answers: childrenAnswers })).json();
    const later = await getQuizResult(body.token);
    const { reasons: _reasons, ...shown } = body.prescription;
    expect(later?.prescription).toEqual(shown);
    expect(later?.reasons).toEqual(body.prescription.reasons);
    expect(later?.definitionVersion).toBe(1);
  });

  const badInputs: [string, () => Promise<Response>, string][] = [
    ["an unknown question", () => postJson({ answers: { ...childrenAnswers, favourite_colour: "blue" } }), "answers.favourite_colour"],
    ["an unknown option", () => postJson({ answers: { ...childrenAnswers, who_ended: "the_cat" } }), "answers.who_ended"],
    ["a missing required answer", () => postJson({ answers: { ...childrenAnswers, goal: undefined } }), "answers.goal"],
    ["an answer to a hidden question", () => postJson({ answers: { ...childrenAnswers, nc_days: 12 } }), "answers.nc_days"],
    ["a wrong type (string for a multi-choice)", () => postJson({ answers: { ...childrenAnswers, ties: "children" } }), "answers.ties"],
    ["a wrong type (list for a single choice)", () => postJson({ answers: { ...childrenAnswers, when: ["weeks"] } }), "answers.when"],
    ["answers that are not an object", () => postJson({ answers: "all of them" }), "answers"],
    ["a body without answers", () => postJson({ responses: childrenAnswers }), "answers"],
    ["an extra top-level field", () => postJson({ answers: childrenAnswers, email: "a@b.c" }), "email"],
    ["a non-JSON body", () => post("when=weeks&ties=children"), ""],
    ["a non-JSON content type", () => post(JSON.stringify({ answers: childrenAnswers }), { "content-type": "text/plain" }), ""],
    ["an oversized body", () => postJson({ answers: childrenAnswers, padding: "x".repeat(20_000) }), ""],
  ];

  it.each(badInputs)("refuses %s with 400, names the field and stores nothing", async (_name, send, path) => {
    const res = await send();
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(typeof body.error).toBe("string");
    expect(body.issues.length).toBeGreaterThan(0);
    expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await storedResults()).toBe(0);
  });

  it("rate-limits one address with 429 and Retry-After, and stores nothing then", async () => {
    const headers = { "x-forwarded-for": "203.0.113.7" };
    // The limit counts per fixed minute: start early in one, so all 31 requests fall in the same window
    // (a run that straddled the boundary saw its 31st request allowed in the next minute).
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 50));
    for (let i = 0; i < 30; i++) expect((await postJson({ answers: childrenAnswers }, headers)).status).toBe(201);
    const refused = await postJson({ answers: childrenAnswers }, headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await storedResults()).toBe(30);
    // Someone else is not affected.
    expect((await postJson({ answers: childrenAnswers }, { "x-forwarded-for": "203.0.113.8" })).status).toBe(201);
  });
});
