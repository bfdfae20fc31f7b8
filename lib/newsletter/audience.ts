import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { tables } from "@/lib/db";

export type Audience = "all" | "members" | "non_members";

/**
 * SQL for "this user has Dojo access now": the rules of decideAccess
 * (lib/billing/access.ts) as one predicate, so choosing thousands of recipients
 * is one statement instead of one getAccess call each. audience.test.ts checks
 * the two agree case by case; change them together.
 */
export function hasAccessSql(userId: SQLWrapper, now: Date, graceDays: number): SQL {
  const sub = tables.subscriptions;
  const comp = tables.comps;
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`(exists (
      select 1 from ${sub}
      where ${sub.userId} = ${userId}
        and (
          (${sub.status} in ('active', 'trialing')
            and not (${sub.cancelAtPeriodEnd} and ${sub.currentPeriodEnd} is not null and ${sub.currentPeriodEnd} <= ${at}))
          or (${sub.status} = 'past_due'
            and coalesce(${sub.pastDueSince}, ${at}) + ${graceDays}::int * interval '1 day' > ${at})
        )
    ) or exists (
      select 1 from ${comp}
      where ${comp.userId} = ${userId} and ${comp.revokedAt} is null and ${comp.endsAt} > ${at}
    ))`;
}

/** Whether the subscriber with this (lower-case) address is a member with access: matched on the account's address. */
export function subscriberIsMemberSql(subscriberEmail: SQLWrapper, now: Date, graceDays: number): SQL {
  const u = tables.users;
  return sql`exists (select 1 from ${u} where lower(${u.email}) = ${subscriberEmail} and ${hasAccessSql(u.id, now, graceDays)})`;
}

/** The audience filter on newsletter_subscribers (status is checked separately). */
export function audienceSql(audience: Audience, now: Date, graceDays: number): SQL {
  const member = subscriberIsMemberSql(tables.newsletterSubscribers.email, now, graceDays);
  if (audience === "members") return member;
  if (audience === "non_members") return sql`not ${member}`;
  return sql`true`;
}

export const AUDIENCE_LABELS: Record<Audience, string> = {
  all: "Everyone on the list",
  members: "Members only (people with Dojo access)",
  non_members: "Everyone except members",
};
