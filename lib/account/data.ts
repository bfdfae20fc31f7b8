import "server-only";
import { recordChurnOfDeletedAccount } from "@/lib/billing/history";
import type { Refusal } from "@/lib/actions/state";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getStripe } from "@/lib/billing/stripe";
import { exportMyCheckins } from "@/lib/checkins/member";
import { getDb, tables } from "@/lib/db";
import { mySavedExMessages } from "@/lib/ex-reply/member";
import { forgetMemberAddress } from "@/lib/newsletter/subscribers";
import { keptQuizResults } from "@/lib/quiz/results";
import { log, reason } from "@/lib/log";

/** Everything the app holds about a member, as one JSON document they can download. */
export async function exportMyData(user: CurrentUser) {
  const db = await getDb();
  const [account, subscriptions, progress, dojo, kept, checkins, savedExMessages, keptOpen, purchases] = await Promise.all([
    db.query.users.findFirst({ columns: { email: true, name: true, role: true, timeZone: true, createdAt: true }, where: eq(tables.users.id, user.id) }),
    db.query.subscriptions.findMany({ columns: { status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, updatedAt: true }, where: eq(tables.subscriptions.userId, user.id) }),
    db
      .select({ lesson: tables.lessons.title, completedAt: tables.lessonProgress.completedAt })
      .from(tables.lessonProgress)
      .innerJoin(tables.lessons, eq(tables.lessons.id, tables.lessonProgress.lessonId))
      .where(eq(tables.lessonProgress.userId, user.id)),
    db.query.memberDojo.findFirst({ columns: { startDate: true, noContactStart: true, noContactAnchor: true }, where: eq(tables.memberDojo.userId, user.id) }),
    keptQuizResults(user),
    exportMyCheckins(user),
    mySavedExMessages(user),
    // Lessons kept open when the member's no-contact anchor moved (lesson_unlocks).
    db
      .select({ lesson: tables.lessons.title, keptOpenSince: tables.lessonUnlocks.unlockedAt })
      .from(tables.lessonUnlocks)
      .innerJoin(tables.lessons, eq(tables.lessons.id, tables.lessonUnlocks.lessonId))
      .where(eq(tables.lessonUnlocks.userId, user.id)),
    // One-time purchases: theirs, and any made signed out with their address.
    db
      .select({
        product: tables.purchases.productTitle,
        paidAt: tables.purchases.paidAt,
        amountCents: tables.purchases.amountCents,
        currency: tables.purchases.currency,
        status: tables.purchases.status,
        amountRefundedCents: tables.purchases.amountRefundedCents,
        endedAt: tables.purchases.endedAt,
        downloads: tables.purchases.downloadCount,
        receiptUrl: tables.purchases.receiptUrl,
      })
      .from(tables.purchases)
      .where(or(eq(tables.purchases.userId, user.id), and(isNull(tables.purchases.userId), eq(tables.purchases.email, user.email.trim().toLowerCase()))))
      .orderBy(tables.purchases.paidAt),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account,
    subscriptions,
    dojo: { ...dojo, lessonsCompleted: progress, lessonsKeptOpen: keptOpen },
    quizResults: kept,
    checkins: checkins.checkins,
    contactEvents: checkins.contactEvents,
    // Messages from their ex the member chose to keep, opened (only they ever see them).
    savedExMessages,
    purchases,
  };
}

/**
 * Deletes a member's account and what belongs to it: the Stripe subscription is
 * cancelled first (so nobody is charged for an account that no longer exists),
 * then one transaction removes their rows — sessions, check-ins, quiz results
 * they kept, emails to them — and the user itself.
 */
export async function deleteMyAccount(user: CurrentUser, confirmEmail: string): Promise<{ ok: true } | Refusal> {
  if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
    const error = "Type your email address exactly to confirm.";
    return { ok: false, error, fieldErrors: { confirmEmail: error } };
  }
  const db = await getDb();
  const live = await db.query.subscriptions.findMany({
    columns: { id: true },
    where: and(eq(tables.subscriptions.userId, user.id), inArray(tables.subscriptions.status, ["active", "trialing", "past_due", "unpaid", "incomplete", "paused"])),
  });
  for (const sub of live) {
    try {
      await getStripe().subscriptions.cancel(sub.id);
    } catch (err) {
      log.error("account deletion: cancelling a subscription failed", { subscription: sub.id, reason: reason(err) });
      return { ok: false, error: "We couldn’t cancel your subscription with our payment provider just now, so nothing was deleted. Please try again in a few minutes." };
    }
  }
  await forgetMemberAddress(user);
  await db.transaction(async (tx) => {
    const kept = await tx.select({ tokenHash: tables.claimedQuizResults.tokenHash }).from(tables.claimedQuizResults).where(eq(tables.claimedQuizResults.userId, user.id));
    if (kept.length > 0) await tx.delete(tables.quizResults).where(inArray(tables.quizResults.tokenHash, kept.map((k) => k.tokenHash)));
    await tx.delete(tables.emailOutbox).where(eq(tables.emailOutbox.toAddress, user.email));
    await tx.delete(tables.verificationTokens).where(eq(tables.verificationTokens.identifier, user.email));
    // Purchases stay as the business's record of a sale (revenue, refunds), with nothing left
    // that points at the person: the address goes, and the user id goes with the user row.
    await tx
      .update(tables.purchases)
      .set({ email: null, updatedAt: new Date() })
      .where(or(eq(tables.purchases.userId, user.id), eq(tables.purchases.email, user.email.trim().toLowerCase())));
    // Everything else hangs off the user row and goes with it (ON DELETE CASCADE).
    await recordChurnOfDeletedAccount(tx, user.id);
    await tx.delete(tables.users).where(eq(tables.users.id, user.id));
  });
  return { ok: true };
}
