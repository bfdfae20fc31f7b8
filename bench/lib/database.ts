// A fresh PostgreSQL database per run (created here, dropped at the end, as CI
// does), migrated and seeded by the app's own code, then filled with a
// realistic volume by set-based SQL (generate_series) so seeding a million
// check-ins takes seconds, not minutes.
import { createHash, randomBytes } from "node:crypto";
import postgres from "postgres";
import { runToEnd, tsNode } from "./procs";
import { answersFor, snapshotFor } from "./quiz-answers";
import { REPLY_BUCKET_EDGES_MINUTES } from "../../lib/dashboard/reply-times";
import { currentDefinition } from "../../lib/quiz/definitions";

/** Any database on the server: the benchmark creates and drops its own next to it. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(tag: string): Promise<BenchDatabase> {
  const name = `dojo_bench_${tag}_${Date.now()}_${process.pid}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  let dropped = false;
  return {
    name,
    url: urlFor(name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

export interface Volume {
  users: number;
  checkins: number;
  quizResults: number;
  quizEvents: number;
  newsletterSubscribers: number;
  sentEmails: number;
}

/**
 * The schema and starter content, exactly as `npm run db:seed` does it — run from the snapshot, so the
 * database gets the migrations of the build under test even if someone adds one to the working tree meanwhile.
 */
export async function migrateAndSeed(url: string, buildDir: string): Promise<void> {
  assertBenchDatabase(url);
  await runToEnd("db-seed", ...tsNode("scripts/db-seed.ts"), { cwd: buildDir, env: { DATABASE_URL: url } });
}

/** Guard against ever pointing the app or a script at someone else's database. */
export function assertBenchDatabase(url: string): void {
  if (!/^\/dojo_bench_[a-z]+_\d+_\d+$/.test(new URL(url).pathname)) throw new Error(`not a benchmark database: ${url}`);
}

/** $1 members (ids u1…uN) in a few time zones. Shared with the PGlite queue measure, so both hold the same data. */
export const USERS_SQL = `insert into users (id, email, role, time_zone, email_verified, created_at)
       select 'u' || n, 'member' || n || '@example.test', 'member',
              (array['UTC','Europe/London','America/New_York','Europe/Berlin','Australia/Sydney'])[1 + n % 5],
              now() - n * interval '7 minutes', now() - n * interval '7 minutes'
       from generate_series(1, $1::int) n`;

/**
 * $1 check-ins spread over $2 members: every 50th waiting for a coach (2 %), 1 in 20 of
 * those urgent; the rest replied, private or draft. Waiting rows are spread through
 * the whole table, as check-ins left unanswered would be — the hard case for the queue.
 */
export const CHECKINS_SQL = `insert into checkins (id, user_id, status, mood, no_contact_day, content_enc, urgent, created_at, updated_at, submitted_at, replied_at)
       select gen_random_uuid(), 'u' || (1 + n % $2::int),
              case when n % 50 = 0 then 'waiting' when n % 97 = 0 then 'draft' when n % 7 = 0 then 'private' else 'replied' end,
              1 + n % 10, n % 60, repeat(md5(n::text), 6), n % 1000 = 0,
              now() - n * interval '20 seconds', now() - n * interval '20 seconds',
              case when n % 97 <> 0 or n % 50 = 0 then now() - n * interval '20 seconds' end,
              case when n % 50 <> 0 and n % 97 <> 0 and n % 7 <> 0 then now() - n * interval '20 seconds' + interval '5 hours' end
       from generate_series(1, $1::int) n`;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Members with sessions, subscriptions, comps and progress; quiz results and funnel
 * events; a million check-ins of which 2 % wait for a coach (1 in 20 of those urgent);
 * newsletter subscribers; a month of sent email. Then VACUUM ANALYZE, so the planner
 * sees the real volume and autovacuum does not wake up in the middle of a measurement.
 */
export async function seedVolume(url: string, v: Volume): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const timings: Record<string, number> = {};
  try {
    for (const [name, text, params] of volumeSteps(v)) {
      const t = performance.now();
      await sql.unsafe(text, params);
      timings[name] = Math.round(performance.now() - t);
    }
    const t = performance.now();
    await sql.unsafe("vacuum analyze");
    timings["vacuum analyze"] = Math.round(performance.now() - t);
  } finally {
    await sql.end();
  }
  return timings;
}

export type VolumeStep = [name: string, text: string, params: (string | number)[]];

/** A PostgreSQL array literal of plain words, the same for postgres.js and PGlite. */
const pgArray = (words: readonly string[]) => `{${words.join(",")}}`;

/**
 * Every statement that adds the volume, in order: shared by the seeded PostgreSQL database and
 * the measures that build the same data in PGlite (bench/workers/dashboard.ts).
 */
export function volumeSteps(v: Volume): VolumeStep[] {
  const out: VolumeStep[] = [];
  const step = (name: string, text: string, params: (string | number)[] = []) => void out.push([name, text, params]);
  step("users", USERS_SQL, [v.users]);
  step(
    "sessions",
    `insert into sessions (session_token, user_id, expires, created_at, last_seen_at)
     select 'seed-session-' || n, 'u' || n, now() + interval '20 days', now() - interval '10 days', now() - (n % 48) * interval '1 hour'
     from generate_series(1, $1::int) n`,
    [v.users],
  );
  step(
    "users.stripe_customer_id",
    `update users set stripe_customer_id = 'cus_seed_' || substr(id, 2) where id in (select 'u' || n from generate_series(1, $1::int) n where n % 5 <> 0)`,
    [v.users],
  );
  step(
    "subscriptions",
    `insert into subscriptions (id, user_id, stripe_customer_id, status, stripe_price_id, current_period_end, cancel_at_period_end, updated_at)
     select 'sub_seed_' || n, 'u' || n, 'cus_seed_' || n,
            (array['active','active','active','trialing','past_due','canceled','active','unpaid'])[1 + n % 8],
            case when n % 3 = 0 then 'price_dojo_yearly' else 'price_dojo_monthly' end,
            now() + (n % 30) * interval '1 day', n % 11 = 0, now() - (n % 30) * interval '1 day'
     from generate_series(1, $1::int) n where n % 5 <> 0`,
    [v.users],
  );
  step(
    "comps",
    `insert into comps (user_id, ends_at, note) select 'u' || n, now() + interval '60 days', 'seeded' from generate_series(1, $1::int) n where n % 50 = 0`,
    [v.users],
  );
  step(
    "member_dojo",
    `insert into member_dojo (user_id, start_date, no_contact_start)
     select 'u' || n, current_date - (n % 45), case when n % 3 = 0 then current_date - (n % 20) end
     from generate_series(1, $1::int) n where n % 10 < 7`,
    [v.users],
  );
  step(
    "lesson_progress",
    `insert into lesson_progress (user_id, lesson_id, completed_at)
     select 'u' || n, l.id, now() - (n % 30) * interval '1 day'
     from generate_series(1, $1::int) n cross join lessons l
     where n % 10 < 7 and l.release_offset_days <= n % 45 and (n + l.id) % 3 <> 0`,
    [v.users],
  );

  // Quiz results: a handful of real snapshots (made by the engine), repeated.
  const samples = Array.from({ length: 12 }, (_, i) => {
    const answers = answersFor(i);
    const snap = snapshotFor(answers);
    return { answers, snap };
  });
  step(
    "quiz_results",
    `insert into quiz_results (token_hash, definition_version, answers, prescription_id, result, created_at)
     select encode(sha256(('seed-' || n || '-' || $2::text)::bytea), 'hex'),
            (s.value->'snap'->>'definitionVersion')::int, s.value->'answers', s.value->'snap'->'prescription'->>'id', s.value->'snap',
            now() - (n % 170) * interval '1 day' - (n % 1440) * interval '1 minute'
     from generate_series(1, $1::int) n
     join lateral (select value from jsonb_array_elements($3::text::jsonb) with ordinality e(value, i) where i = 1 + n % ${samples.length}) s on true`,
    [v.quizResults, randomBytes(6).toString("hex"), JSON.stringify(samples)],
  );
  // The funnel: every step, spread over half a year, each with its hourly counter (as the app writes them).
  const questionIds = currentDefinition.questions.map((q) => q.id);
  const prescriptionIds = currentDefinition.prescriptions.map((p) => p.id);
  step(
    "quiz_events",
    `insert into quiz_events (type, definition_version, question_id, prescription_id, created_at)
     select t.type, case when t.type in ('started', 'answered', 'completed', 'result_viewed') then $2::int else 0 end,
            case when t.type = 'answered' then ($3::text[])[1 + n % array_length($3::text[], 1)] end,
            case when t.type not in ('started', 'answered', 'signed_up') then ($4::text[])[1 + n % array_length($4::text[], 1)] end,
            now() - (n % 180) * interval '1 day' - (n % 1440) * interval '1 minute'
     from generate_series(1, $1::int) n
     cross join lateral (select (array['started','answered','answered','answered','answered','answered','answered','completed','result_viewed',
       'dojo_clicked','signed_up','claimed','checkout_started','trial_started','paid','started'])[1 + n % 16] as type) t`,
    [v.quizEvents, currentDefinition.version, pgArray(questionIds), pgArray(prescriptionIds)],
  );
  step("checkins", CHECKINS_SQL, [v.checkins, v.users]);
  step(
    "newsletter_subscribers",
    `insert into newsletter_subscribers (email, status, source, subscribed_at, created_at)
     select 'reader' || n || '@example.test', 'confirmed', (array['home','quiz','newsletter','account'])[1 + n % 4], now() - (n % 300) * interval '1 day', now() - (n % 300) * interval '1 day'
     from generate_series(1, $1::int) n
     union all
     select 'left' || n || '@example.test', (array['pending','unsubscribed'])[1 + n % 2], 'home', null, now() - (n % 300) * interval '1 day'
     from generate_series(1, greatest(1, $1::int / 20)) n`,
    [v.newsletterSubscribers],
  );
  step(
    "email_outbox",
    `insert into email_outbox (to_address, subject, text_body, html_body, status, attempts, next_attempt_at, message_id, sent_at, created_at)
     select 'member' || (1 + n % 1000) || '@example.test', 'You have a new reply in the Dojo', repeat('Your coach has written back. ', 20),
            '<p>' || repeat('Your coach has written back. ', 40) || '</p>', 'sent', 1, now() - (n % 29) * interval '1 day',
            '<seed.' || n || '@example.test>', now() - (n % 29) * interval '1 day', now() - (n % 29) * interval '1 day'
     from generate_series(1, $1::int) n`,
    [v.sentEmails],
  );
  // What the app keeps current as it writes (the same statements as migration 0008's backfill):
  // the funnel's and the reply times' hourly counters, and each subscription's MRR with its history,
  // here spread over a year so the month-by-month figures have months to show.
  step(
    "funnel_counts",
    `insert into funnel_counts (hour, step, definition_version, question_id, prescription_id, count)
     select date_trunc('hour', created_at at time zone 'UTC') at time zone 'UTC', type, definition_version, coalesce(question_id, ''), coalesce(prescription_id, ''), count(*)
     from quiz_events group by 1, 2, 3, 4, 5`,
  );
  step(
    "reply_time_counts",
    `insert into reply_time_counts (hour, coach_id, bucket, count)
     select date_trunc('hour', replied_at at time zone 'UTC') at time zone 'UTC', 'bench-coach-' || (abs(hashtext(id::text)) % 5),
       (select count(*) from unnest($1::int[]) as e where e < extract(epoch from replied_at - submitted_at) / 60), count(*)
     from checkins where replied_at is not null and submitted_at is not null group by 1, 2, 3`,
    [pgArray(REPLY_BUCKET_EDGES_MINUTES.map(String))],
  );
  step(
    "subscriptions.mrr",
    `update subscriptions s set mrr_minor = case when s.status in ('active', 'past_due') then case when p.interval = 'year' then round(p.amount_cents / 12.0) else p.amount_cents end else 0 end,
       mrr_currency = case when s.status in ('active', 'past_due') then p.currency end,
       first_paid_at = case when s.status <> 'trialing' then s.updated_at end,
       trial_end = case when s.status = 'trialing' then now() + interval '3 days' else now() - (substr(s.id, 10)::int % 365) * interval '1 day' end
     from plans p where p.stripe_price_id = s.stripe_price_id`,
  );
  step(
    "mrr_changes",
    `insert into mrr_changes (subscription_id, kind, amount_minor, currency, stripe_price_id, occurred_at)
     select s.id, 'new', p.amount_cents / (case when p.interval = 'year' then 12 else 1 end), p.currency, s.stripe_price_id, now() - (substr(s.id, 10)::int % 365) * interval '1 day' - interval '1 day'
     from subscriptions s join plans p on p.stripe_price_id = s.stripe_price_id where s.status <> 'trialing'
     union all
     select s.id, 'churn', -(p.amount_cents / (case when p.interval = 'year' then 12 else 1 end)), p.currency, s.stripe_price_id,
       least(now(), now() - (substr(s.id, 10)::int % 365) * interval '1 day' + (substr(s.id, 10)::int % 100) * interval '1 day')
     from subscriptions s join plans p on p.stripe_price_id = s.stripe_price_id where s.status in ('canceled', 'unpaid')`,
  );
  step(
    "newsletter_issues",
    `insert into newsletter_issues (subject, body_md, status, started_at, finished_at, recipient_count, sent_count, failed_count)
     select 'Letter ' || n, 'Hello.', 'sent', now() - n * interval '14 days', now() - n * interval '14 days' + interval '1 hour', $1::int, $1::int, 0
     from generate_series(1, 26) n`,
    [v.newsletterSubscribers],
  );
  step(
    "users.last_checkin_at",
    `update users u set last_checkin_at = c.last from (select user_id, max(submitted_at) as last from checkins where status in ('waiting', 'replied') group by user_id) c where c.user_id = u.id`,
  );
  step("newsletter_subscribers.unsubscribed_at", `update newsletter_subscribers set unsubscribed_at = created_at + interval '20 days', subscribed_at = created_at + interval '1 hour' where status = 'unsubscribed'`);
  return out;
}

/** One statement against the bench database, for the measures' own fixtures and checks. */
export function connectSql(url: string, max = 4) {
  return postgres(url, { max, onnotice: () => {} });
}
export type Sql = ReturnType<typeof connectSql>;
