// The access matrix, from outside: every page and route handler found under
// app/ and every server action in the production build, called as each role,
// against the expectations in access/table.ts. Every refused call must leave the
// database exactly as it was (row counts and contents of every table).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionOutcome, actions, pages, queries, refusalWords } from "./access/table";
import { changedTables, type Snapshot } from "./harness/database";
import { appRoutes, fill, serverActions } from "./harness/routes";
import { enginesToTest } from "./harness/stack";
import { pathParams, ROLES, stackWithWorld, type World } from "./harness/world";

/** Fields sent with every refused call: A's records, so a refusal that leaked would write to them. */
function fieldsFor(world: World): Record<string, string> {
  return {
    id: world.a.checkinId,
    checkinId: world.a.checkinId,
    lessonId: world.lessonId,
    issueId: world.issueId,
    userId: world.people.memberA.id,
    email: world.people.memberA.email,
    body: "written by someone who may not",
    text: "written by someone who may not",
    subject: "nothing",
    mood: "3",
    kind: "ex_reached_out",
    onDate: new Date().toISOString().slice(0, 10),
    days: "30",
    confirm: "DELETE",
  };
}

/** Route handlers that HTML forms post to, and where a bad form is sent back to. */
const formEndpoints: Record<string, RegExp> = {
  "/quiz/complete": /^\/quiz(\?|$)/,
  "/newsletter/unsubscribe": /^\/newsletter\/manage\?/,
};

describe("every route and action has a row in the access table", () => {
  it("pages and route handlers", () => {
    const found = appRoutes().map((r) => r.pattern);
    expect(found.length).toBeGreaterThan(40);
    expect(found.filter((p) => !(p in pages)), "routes without a row in outside/access/table.ts").toEqual([]);
    expect(Object.keys(pages).filter((p) => !found.includes(p)), "rows for routes that no longer exist").toEqual([]);
  });

  it("server actions", () => {
    const found = serverActions().map((a) => a.key);
    expect(found.length).toBeGreaterThan(25);
    expect(found.filter((k) => !(k in actions)), "actions without a row in outside/access/table.ts").toEqual([]);
    expect(Object.keys(actions).filter((k) => !found.includes(k)), "rows for actions that no longer exist").toEqual([]);
  });
});

describe.each(enginesToTest())("access from outside on %s", (engine) => {
  const ctx = stackWithWorld(engine);

  it("every page and route handler answers each role as the table says, and reading writes nothing", async () => {
    const before = await ctx.stack.withServersStopped((db) => db.snapshot());
    const wrong: string[] = [];
    let checked = 0;
    for (const route of appRoutes()) {
      const path = fill(route.pattern, pathParams(route.pattern, ctx.world)) + (queries[route.pattern] ?? "");
      const row = pages[route.pattern];
      if (!row) continue;
      for (const role of ROLES) {
        const expected = row[role];
        const answer = await ctx.world.browser(role, ctx.stack.url).get(path);
        checked++;
        const got = answer.redirect ? `${answer.status} → ${answer.redirect.replace(ctx.stack.url, "")}` : String(answer.status);
        const fine = "redirect" in expected ? answer.redirect !== null && expected.redirect.test(answer.redirect.replace(ctx.stack.url, "")) : answer.status === expected.status;
        if (!fine) wrong.push(`${role} GET ${path}: got ${got}, expected ${"redirect" in expected ? expected.redirect : expected.status}`);
        const mayRead = "status" in expected && expected.status === 200;
        if (!mayRead && path.includes(ctx.world.a.checkinId)) expect(answer.text, `${role} sees A's words at ${path}`).not.toContain("private words");
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe(appRoutes().length * ROLES.length);
    const { after, readers } = await ctx.stack.withServersStopped(async (db) => ({
      after: await db.snapshot(),
      readers: (await db.rows<{ coach_id: string }>(sql`select distinct coach_id from checkin_reads`)).map((r) => r.coach_id).sort(),
    }));
    // The one write a read may make: the audit row of a coach opening a check-in (who read whose words, and when).
    expect(changedTables(before, after), "tables written by plain page reads").toEqual(["checkin_reads"]);
    expect(readers).toEqual([ctx.world.people.coach.id, ctx.world.people.admin.id].sort());
  });

  it("every server action refuses each role below its level, in words, and the database is unchanged", async () => {
    const before: Snapshot = await ctx.stack.withServersStopped((db) => db.snapshot());
    const wrong: string[] = [];
    let refusedCalls = 0;
    for (const action of serverActions()) {
      const level = actions[action.key];
      if (!level) continue;
      const page = fill(action.page, pathParams(action.page, ctx.world));
      for (const role of ROLES) {
        const expected = actionOutcome(level, role);
        if (expected === "allowed") continue; // allowed calls write by design; the journeys in e2e/ cover them
        const answer = await ctx.world.browser(role, ctx.stack.url).action(page, action.id, fieldsFor(ctx.world));
        refusedCalls++;
        const result = answer.result as { ok?: boolean; error?: string; signedOut?: boolean } | undefined;
        const words = result?.error ?? "";
        if (answer.status !== 200 || result?.ok !== false || !refusalWords[expected].test(words)) {
          wrong.push(`${role} → ${action.key}: ${answer.status} ${JSON.stringify(result)?.slice(0, 160)}, expected ${expected}`);
        }
      }
    }
    // B and a coach (through the member-level action) reaching for A's check-in by its id.
    const deleteCheckin = serverActions().find((a) => a.exportedName === "deleteCheckinAction");
    expect(deleteCheckin).toBeDefined();
    for (const role of ["memberB", "lapsed", "coach", "admin"] as const) {
      const page = fill(deleteCheckin!.page, { id: ctx.world.a.checkinId });
      const answer = await ctx.world.browser(role, ctx.stack.url).action(page, deleteCheckin!.id, { id: ctx.world.a.checkinId });
      refusedCalls++;
      const result = answer.result as { ok?: boolean; error?: string } | undefined;
      if (result?.ok !== false || !/doesn.t exist|couldn.t find/i.test(result.error ?? "")) wrong.push(`${role} deleting A's check-in: ${JSON.stringify(result)}`);
    }
    expect(wrong).toEqual([]);
    expect(refusedCalls).toBeGreaterThan(60);
    const after = await ctx.stack.withServersStopped((db) => db.snapshot());
    expect(changedTables(before, after), "tables written by refused actions").toEqual([]);
    console.log(`access matrix (${engine}): ${appRoutes().length} routes × ${ROLES.length} roles, ${serverActions().length} actions, ${refusedCalls} refused calls`);
  });

  it("public POST endpoints refuse an empty or unsigned body with a 4xx and write nothing", async () => {
    const before = await ctx.stack.withServersStopped((db) => db.snapshot());
    const posts = appRoutes().filter((r) => r.kind === "route" && r.methods.includes("POST") && !r.pattern.includes("[...nextauth]"));
    expect(posts.length).toBeGreaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const route of posts) {
      for (const role of ROLES) {
        const answer = await ctx.world.browser(role, ctx.stack.url).postJson(route.pattern, {});
        // Endpoints that plain HTML forms post to answer a bad form by sending the person back to the form.
        const backToForm = formEndpoints[route.pattern];
        const fine = (answer.status >= 400 && answer.status < 500) || (backToForm !== undefined && answer.status === 303 && backToForm.test(answer.redirect ?? ""));
        if (!fine) wrong.push(`${role} POST ${route.pattern} {}: ${answer.status} ${answer.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    const after = await ctx.stack.withServersStopped((db) => db.snapshot());
    expect(changedTables(before, after)).toEqual([]);
  });
});
