import { isRedirectError } from "next/dist/client/components/redirect-error";
import { redirect } from "next/navigation";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { DbHandle } from "@/db/client";
import { comps, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ActionError, actionAccess, actionClients } from "./client";

const DAY = 86_400_000;
const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe.each(testDatabases())("the action layer on $kind", (target) => {
  let handle: DbHandle;
  let actingAs: CurrentUser | null = null;
  const people = {} as Record<"member" | "lapsed" | "coach" | "admin", CurrentUser>;
  const clients = actionClients(async () => actingAs);
  const ran = vi.fn();

  async function person(key: keyof typeof people, role: CurrentUser["role"], paid: boolean) {
    const email = `${key}@example.com`;
    const [row] = await handle.db.insert(users).values({ email, role }).returning({ id: users.id });
    const id = row?.id ?? "";
    if (paid) await handle.db.insert(comps).values({ userId: id, endsAt: new Date(Date.now() + 30 * DAY) });
    people[key] = { id, email, role, timeZone: "UTC", sessionToken: "t" };
  }

  const noteInput = z.object({ title: z.string().trim().min(2, "Give it a title."), count: z.coerce.number().int().min(1, "At least one.") });
  const build = (client: ReturnType<typeof actionClients>[keyof ReturnType<typeof actionClients>]) =>
    client(noteInput, async ({ input, actor }) => {
      ran(input, actor?.email ?? null);
      return { ok: true, message: `Saved ${input.title} ×${input.count}.` };
    });

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await person("member", "member", true);
    await person("lapsed", "member", false);
    await person("coach", "coach", false);
    await person("admin", "admin", false);
  });
  afterAll(async () => handle.close());
  beforeEach(() => {
    ran.mockClear();
    actingAs = null;
  });

  it("marks every action with the level that built it", () => {
    for (const [name, client] of Object.entries(clients)) {
      expect(actionAccess(build(client))).toBe(name.replace("Action", ""));
    }
    expect(actionAccess(async () => ({}))).toBeUndefined();
  });

  it("refuses before the body runs: signed out, wrong role, no Dojo access — and hands back what was typed", async () => {
    const typed = form([["title", "My words"], ["count", "2"]]);
    const signedOut = await build(clients.memberAction)({}, typed);
    expect(signedOut).toMatchObject({ ok: false, signedOut: true, values: { title: "My words", count: "2" } });
    expect(signedOut.error).toMatch(/signed out/);

    actingAs = people.member;
    expect(await build(clients.coachAction)({}, typed)).toMatchObject({ ok: false, error: "We couldn’t find that." });
    actingAs = people.coach;
    expect(await build(clients.adminAction)({}, typed)).toMatchObject({ ok: false, error: "We couldn’t find that." });
    actingAs = people.lapsed;
    expect((await build(clients.dojoAction)({}, typed)).error).toMatch(/membership isn’t active/);
    expect(ran).not.toHaveBeenCalled();
  });

  it("lets each level in: anyone to public, members and lapsed members to member, paid to dojo, coaches and admins to coach", async () => {
    const typed = form([["title", "Hi there"], ["count", "3"]]);
    expect(await build(clients.publicAction)(typed)).toEqual({ ok: true, message: "Saved Hi there ×3." });
    actingAs = people.lapsed;
    expect((await build(clients.memberAction)(typed)).ok).toBe(true);
    actingAs = people.member;
    expect((await build(clients.dojoAction)(typed)).ok).toBe(true);
    actingAs = people.admin;
    expect((await build(clients.coachAction)(typed)).ok).toBe(true);
    expect((await build(clients.adminAction)(typed)).ok).toBe(true);
    expect(ran.mock.calls.map((c) => c[1])).toEqual([null, "lapsed@example.com", "member@example.com", "admin@example.com", "admin@example.com"]);
  });

  it("answers bad input with one message per field and the text as typed; the body never sees it", async () => {
    actingAs = people.member;
    const state = await build(clients.memberAction)({}, form([["title", " x "], ["count", "zero"], ["$ACTION_ID_abc", ""]]));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors).toEqual({ title: "Give it a title.", count: expect.any(String) });
    expect(state.values).toEqual({ title: " x ", count: "zero" });
    expect(ran).not.toHaveBeenCalled();
  });

  it("takes a plain object as well as a form, and prototype keys do nothing", async () => {
    actingAs = people.member;
    const action = build(clients.memberAction);
    expect(await action({ title: "From code", count: 1 })).toMatchObject({ ok: true });
    const sneaky = form([["title", "Fine"], ["count", "1"], ["__proto__", "polluted"], ["constructor", "x"]]);
    expect(await action(sneaky)).toMatchObject({ ok: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(ran.mock.calls[1]?.[0]).toEqual({ title: "Fine", count: 1 });
  });

  it("passes a lib refusal through with its field errors, shows ActionError's message, and hides anything else", async () => {
    actingAs = people.member;
    const refusing = clients.memberAction(noteInput, async () => ({ ok: false, error: "That title is taken.", fieldErrors: { title: "That title is taken." } }));
    expect(await refusing({}, form([["title", "Taken"], ["count", "1"]]))).toEqual({
      ok: false,
      error: "That title is taken.",
      fieldErrors: { title: "That title is taken." },
      values: { title: "Taken", count: "1" },
    });
    const safe = clients.memberAction(noteInput, async () => {
      throw new ActionError("Save the issue first.", "title");
    });
    expect(await safe({ title: "ab", count: 1 })).toEqual({ ok: false, error: "Save the issue first.", fieldErrors: { title: "Save the issue first." } });
    const broken = clients.memberAction(noteInput, async () => {
      throw new Error("relation secret_table does not exist");
    });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await broken({ title: "ab", count: 1 });
    quiet.mockRestore();
    expect(state.ok).toBe(false);
    expect(state.error).toMatch(/Something went wrong on our side/);
    expect(JSON.stringify(state)).not.toContain("secret_table");
  });

  it("says the database could not be reached, keeps the text and asks for a retry when the connection is cut, even while reading the session", async () => {
    const cut = () => Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("terminating connection"), { code: "57P01" }) });
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    actingAs = people.member;
    const inBody = clients.dojoAction(noteInput, async () => {
      throw cut();
    });
    const state = await inBody({}, form([["title", "What I wrote at 2 a.m."], ["count", "1"]]));
    const sessionLost = actionClients(async () => {
      throw cut();
    }).memberAction(noteInput, async () => ({ ok: true }));
    const early = await sessionLost({}, form([["title", "Still here"], ["count", "1"]]));
    const lines = quiet.mock.calls.map((c) => String(c[0]));
    quiet.mockRestore();
    expect(state).toMatchObject({ ok: false, retryAfter: 5, values: { title: "What I wrote at 2 a.m." } });
    expect(state.error).toMatch(/nothing was changed.*try again/i);
    expect(early).toMatchObject({ ok: false, retryAfter: 5, values: { title: "Still here" } });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^database unavailable where="server action, (dojo|member)" code=57P01 retryAfterSeconds=5 requestId=\S+$/);
  });

  it("lets redirect() through as Next's control flow", async () => {
    actingAs = people.member;
    const going = clients.memberAction(noteInput, async () => redirect("/dojo"));
    const thrown = await going({ title: "ab", count: 1 }).catch((e: unknown) => e);
    expect(isRedirectError(thrown)).toBe(true);
  });
});
