import "server-only";
import { eq } from "drizzle-orm";
import { ForbiddenError, type CurrentUser } from "@/lib/auth/current-user";
import { isCoach } from "@/lib/auth/roles";
import { getAccess } from "@/lib/billing/subscriptions";
import { getDb, tables } from "@/lib/db";
import { opensOn, releasedThrough, todayIn } from "./calendar";

/** Who is reading the Dojo, and what has been released to them. */
export interface Viewer {
  userId: string;
  coach: boolean;
  timeZone: string;
  startDate: string;
  allUnlocked: boolean;
  noContactStart: string | null;
  /** Days since the member's start, in their time zone: lessons with an offset up to this are open. */
  releasedDays: number;
  /** The date no-contact modules count from (see noContactAnchorOf). */
  noContactAnchor: string;
  /** Whether the member has ever given that date (false: the Dojo start stands in). */
  noContactAnchorSet: boolean;
  /** Days since that date: no-contact lessons with an offset up to this are open. */
  noContactDays: number;
}

/** Dojo settings as stored (member_dojo). */
export interface DojoSettings {
  startDate: string;
  allUnlocked: boolean;
  noContactStart: string | null;
  noContactAnchor: string | null;
}

/** What a module's lessons count their release days from (modules.release_anchor). */
export type ReleaseAnchor = "start" | "no_contact";

/**
 * The date no-contact modules count from. Until a member has ever set a no-contact start, they
 * count from the Dojo start, so nobody waits on a date they have not given (the Dojo home says
 * so, and invites them to set it). Once set, the anchor only moves by the member's own choice
 * (setNoContactStart); clearing the no-contact date leaves it where it was, so nothing locks.
 */
export const noContactAnchorOf = (settings: DojoSettings) => settings.noContactAnchor ?? settings.startDate;

/**
 * Whether the reader may be in the Dojo at all: coaches always (to preview),
 * members only while they have access. Returns whether they are a coach.
 */
export async function checkDojoAccess(user: CurrentUser, now = new Date()): Promise<boolean> {
  const coach = isCoach(user.role);
  if (!coach && !(await getAccess(user.id, now)).allowed) throw new ForbiddenError("no Dojo access");
  return coach;
}

/** The member's Dojo settings, created on their first visit with today (in their own time zone) as the start. */
export async function ensureDojoSettings(user: CurrentUser, now = new Date()): Promise<DojoSettings> {
  const db = await getDb();
  const settings = () => db.query.memberDojo.findFirst({ where: eq(tables.memberDojo.userId, user.id) });
  // Read first: the row exists on every visit but the first, and a page view should not be a write.
  let row = await settings();
  if (!row) {
    await db
      .insert(tables.memberDojo)
      .values({ userId: user.id, startDate: todayIn(user.timeZone, now) })
      .onConflictDoNothing();
    row = await settings();
  }
  if (!row) throw new Error("member_dojo row missing");
  return row;
}

export function viewerFrom(user: CurrentUser, coach: boolean, settings: DojoSettings, now = new Date()): Viewer {
  return {
    userId: user.id,
    coach,
    timeZone: user.timeZone,
    startDate: settings.startDate,
    allUnlocked: settings.allUnlocked,
    noContactStart: settings.noContactStart,
    releasedDays: releasedThrough(settings.startDate, user.timeZone, now),
    noContactAnchor: noContactAnchorOf(settings),
    noContactAnchorSet: settings.noContactAnchor !== null,
    noContactDays: releasedThrough(noContactAnchorOf(settings), user.timeZone, now),
  };
}

/** Loads the reader's Dojo state, checking they may be here at all (see checkDojoAccess). */
export async function loadViewer(user: CurrentUser, now = new Date()): Promise<Viewer> {
  const coach = await checkDojoAccess(user, now);
  return viewerFrom(user, coach, await ensureDojoSettings(user, now), now);
}

/** What the drip needs to know about a lesson: every caller must say its module's anchor and whether it was kept open. */
export interface DripLesson {
  status: string;
  releaseOffsetDays: number;
  releaseAnchor: ReleaseAnchor;
  /** A lesson_unlocks row: it was open when the member's anchor moved, and stays open. */
  kept: boolean;
}

/** Whether the viewer may read a lesson's content. Drafts are for coaches only. */
export function canRead(viewer: Viewer, lesson: DripLesson): boolean {
  if (viewer.coach) return true;
  if (lesson.status !== "published") return false;
  if (viewer.allUnlocked || lesson.kept) return true;
  return lesson.releaseOffsetDays <= (lesson.releaseAnchor === "no_contact" ? viewer.noContactDays : viewer.releasedDays);
}

/** The calendar date (member's zone) a lesson opens, counted from its module's anchor. */
export const lessonOpensOn = (viewer: Viewer, lesson: Pick<DripLesson, "releaseOffsetDays" | "releaseAnchor">) =>
  opensOn(lesson.releaseAnchor === "no_contact" ? viewer.noContactAnchor : viewer.startDate, lesson.releaseOffsetDays);
