// The harness itself, before anything is built on it: the stack starts on each
// engine, the world's sessions are recognised, a server action can be called
// from outside exactly as a form calls it, and a snapshot sees a real write.
import { describe, expect, it } from "vitest";
import { changedTables } from "./database";
import { serverActions } from "./routes";
import { enginesToTest } from "./stack";
import { stackWithWorld } from "./world";

describe.each(enginesToTest())("the outside-in harness on %s", (engine) => {
  const ctx = stackWithWorld(engine);

  it("serves the production build, and knows who is signed in", async () => {
    expect((await ctx.world.browser("anonymous", ctx.stack.url).get("/api/health")).status).toBe(200);
    const anonymous = await ctx.world.browser("anonymous", ctx.stack.url).get("/dojo");
    expect(anonymous.status).toBe(307);
    expect(anonymous.redirect).toMatch(/\/signin/);
    const a = await ctx.world.browser("memberA", ctx.stack.url).get("/dojo");
    expect(a.status).toBe(200);
    const mine = await ctx.world.browser("memberA", ctx.stack.url).get(`/dojo/check-ins/${ctx.world.a.checkinId}`);
    expect(mine.text).toContain("private words");
    const theirs = await ctx.world.browser("memberB", ctx.stack.url).get(`/dojo/check-ins/${ctx.world.a.checkinId}`);
    expect(theirs.status).toBe(404);
    expect(theirs.text).not.toContain("private words");
  });

  it("calls a server action as a form would, and a snapshot sees what it wrote", async () => {
    const log = serverActions().find((a) => a.exportedName === "logContactAction");
    expect(log, "logContactAction is in the build's action manifest").toBeDefined();
    const before = await ctx.stack.withServersStopped((db) => db.snapshot());
    const answer = await ctx.world.browser("memberA", ctx.stack.url).action(log!.page, log!.id, { kind: "ex_reached_out", onDate: new Date().toISOString().slice(0, 10) });
    expect(answer.status).toBe(200);
    expect(answer.result).toMatchObject({ ok: true });
    const after = await ctx.stack.withServersStopped((db) => db.snapshot());
    expect(changedTables(before, after)).toEqual(["contact_events"]);
  });
});
