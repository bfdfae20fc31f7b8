import "server-only";
import { validate } from "@/lib/actions/validate";
import { and, desc, eq, ilike, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertAdmin, assertCoach } from "@/lib/auth/guards";
import { decideAccess } from "@/lib/billing/access";
import { getDb, tables } from "@/lib/db";
import { env } from "@/lib/env";

const PAGE_SIZE = 50;

/** Coaches see the member list: who, since when, on which plan, and whether they are in. */
export async function listMembers(actor: CurrentUser, search = "", now = new Date()) {
  assertCoach(actor);
  const db = await getDb();
  const term = search.trim().slice(0, 100).replace(/[%_\\]/g, (c) => `\\${c}`);
  const users = await db.query.users.findMany({
    columns: { id: true, email: true, role: true, createdAt: true },
    where: term ? ilike(tables.users.email, `%${term}%`) : undefined,
    orderBy: desc(tables.users.createdAt),
    limit: PAGE_SIZE,
  });
  const ids = users.map((u) => u.id);
  if (ids.length === 0) return [];
  const [subs, comps] = await Promise.all([
    db
      .select({
        userId: tables.subscriptions.userId,
        status: tables.subscriptions.status,
        currentPeriodEnd: tables.subscriptions.currentPeriodEnd,
        cancelAtPeriodEnd: tables.subscriptions.cancelAtPeriodEnd,
        pastDueSince: tables.subscriptions.pastDueSince,
        stripePriceId: tables.subscriptions.stripePriceId,
        planName: tables.plans.name,
      })
      .from(tables.subscriptions)
      .leftJoin(tables.plans, eq(tables.plans.stripePriceId, tables.subscriptions.stripePriceId))
      .where(inArray(tables.subscriptions.userId, ids)),
    db.query.comps.findMany({
      columns: { id: true, userId: true, endsAt: true, revokedAt: true },
      where: inArray(tables.comps.userId, ids),
    }),
  ]);
  return users.map((u) => {
    const mySubs = subs.filter((s) => s.userId === u.id);
    const myComps = comps.filter((c) => c.userId === u.id);
    const access = decideAccess(mySubs, myComps, now, env().PAST_DUE_GRACE_DAYS);
    const activeComp = myComps.find((c) => c.revokedAt === null && c.endsAt > now);
    return {
      id: u.id,
      email: u.email,
      role: u.role,
      joinedAt: u.createdAt,
      plan: mySubs[0]?.planName ?? null,
      status: mySubs[0]?.status ?? null,
      access,
      activeComp: activeComp ? { id: activeComp.id, endsAt: activeComp.endsAt } : null,
    };
  });
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export const grantCompSchema = z.object({
  userId: z.string().min(1),
  endsOn: z.iso.date("Choose an end date."),
  note: z.string().trim().max(200).optional(),
});

/** Admins give complimentary access until the end of a chosen day (UTC). */
export async function grantComp(actor: CurrentUser, input: unknown, now = new Date()) {
  assertAdmin(actor);
  const parsed = validate(grantCompSchema, input);
  if (!parsed.ok) return parsed;
  const endsAt = new Date(`${parsed.data.endsOn}T23:59:59Z`);
  if (endsAt <= now) return { ok: false as const, error: "The end date must be in the future." };
  const db = await getDb();
  const member = await db.query.users.findFirst({ columns: { id: true }, where: eq(tables.users.id, parsed.data.userId) });
  if (!member) return { ok: false as const, error: "No such member." };
  await db.insert(tables.comps).values({ userId: member.id, grantedBy: actor.id, endsAt, note: parsed.data.note || null });
  return { ok: true as const };
}

export async function revokeComp(actor: CurrentUser, compId: number, now = new Date()) {
  assertAdmin(actor);
  const db = await getDb();
  const revoked = await db
    .update(tables.comps)
    .set({ revokedAt: now })
    .where(and(eq(tables.comps.id, compId), isNull(tables.comps.revokedAt)))
    .returning({ id: tables.comps.id });
  return { ok: revoked.length > 0 };
}
