// A fresh PostgreSQL database per run (created here, dropped at the end, as CI
// does), migrated and seeded by the app's own code, then filled with a
// realistic volume by set-based SQL (generate_series) so seeding a million
// check-ins takes seconds, not minutes.
import { createHash, randomBytes } from "node:crypto";
import postgres from "postgres";
import { runToEnd, tsNode } from "./procs";
import { answersFor, snapshotFor } from "./quiz-answers";

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
  const step = async (name: string, text: string, params: (string | number)[] = []) => {
    const t = performance.now();
    await sql.unsafe(text, params);
    timings[name] = Math.round(performance.now() - t);
  };
  try {
    await step("users", USERS_SQL, [v.users]);
    await step(
      "sessions",
      `insert into sessions (session_token, user_id, expires, created_at, last_seen_at)
       select 'seed-session-' || n, 'u' || n, now() + interval '20 days', now() - interval '10 days', now() - (n % 48) * interval '1 hour'
       from generate_series(1, $1::int) n`,
      [v.users],
    );
    await step(
      "users.stripe_customer_id",
      `update users set stripe_customer_id = 'cus_seed_' || substr(id, 2) where id in (select 'u' || n from generate_series(1, $1::int) n where n % 5 <> 0)`,
      [v.users],
    );
    await step(
      "subscriptions",
      `insert into subscriptions (id, user_id, stripe_customer_id, status, stripe_price_id, current_period_end, cancel_at_period_end, updated_at)
       select 'sub_seed_' || n, 'u' || n, 'cus_seed_' || n,
              (array['active','active','active','trialing','past_due','canceled','active','unpaid'])[1 + n % 8],
              case when n % 3 = 0 then 'price_dojo_yearly' else 'price_dojo_monthly' end,
              now() + (n % 30) * interval '1 day', n % 11 = 0, now() - (n % 30) * interval '1 day'
       from generate_series(1, $1::int) n where n % 5 <> 0`,
      [v.users],
    );
    await step(
      "comps",
      `insert into comps (user_id, ends_at, note) select 'u' || n, now() + interval '60 days', 'seeded' from generate_series(1, $1::int) n where n % 50 = 0`,
      [v.users],
    );
    await step(
      "member_dojo",
      `insert into member_dojo (user_id, start_date, no_contact_start)
       select 'u' || n, current_date - (n % 45), case when n % 3 = 0 then current_date - (n % 20) end
       from generate_series(1, $1::int) n where n % 10 < 7`,
      [v.users],
    );
    await step(
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
    await step(
      "quiz_results",
      `insert into quiz_results (token_hash, definition_version, answers, prescription_id, result, created_at)
       select encode(sha256(('seed-' || n || '-' || $2::text)::bytea), 'hex'),
              (s.value->'snap'->>'definitionVersion')::int, s.value->'answers', s.value->'snap'->'prescription'->>'id', s.value->'snap',
              now() - (n % 170) * interval '1 day' - (n % 1440) * interval '1 minute'
       from generate_series(1, $1::int) n
       join lateral (select value from jsonb_array_elements($3::text::jsonb) with ordinality e(value, i) where i = 1 + n % ${samples.length}) s on true`,
      [v.quizResults, randomBytes(6).toString("hex"), JSON.stringify(samples)],
    );
    await step(
      "quiz_events",
      `insert into quiz_events (type, definition_version, question_id, created_at)
       select (array['started','answered','answered','answered','completed','result_viewed'])[1 + n % 6], 1,
              case when n % 6 between 1 and 3 then 'q' || (n % 7) end, now() - (n % 90) * interval '1 day'
       from generate_series(1, $1::int) n`,
      [v.quizEvents],
    );
    await step("checkins", CHECKINS_SQL, [v.checkins, v.users]);
    await step(
      "newsletter_subscribers",
      `insert into newsletter_subscribers (email, status, source, subscribed_at, created_at)
       select 'reader' || n || '@example.test', 'confirmed', (array['home','quiz','newsletter','account'])[1 + n % 4], now() - (n % 300) * interval '1 day', now() - (n % 300) * interval '1 day'
       from generate_series(1, $1::int) n
       union all
       select 'left' || n || '@example.test', (array['pending','unsubscribed'])[1 + n % 2], 'home', null, now() - (n % 300) * interval '1 day'
       from generate_series(1, greatest(1, $1::int / 20)) n`,
      [v.newsletterSubscribers],
    );
    await step(
      "email_outbox",
      `insert into email_outbox (to_address, subject, text_body, html_body, status, attempts, next_attempt_at, message_id, sent_at, created_at)
       select 'member' || (1 + n % 1000) || '@example.test', 'You have a new reply in the Dojo', repeat('Your coach has written back. ', 20),
              '<p>' || repeat('Your coach has written back. ', 40) || '</p>', 'sent', 1, now() - (n % 29) * interval '1 day',
              '<seed.' || n || '@example.test>', now() - (n % 29) * interval '1 day', now() - (n % 29) * interval '1 day'
       from generate_series(1, $1::int) n`,
      [v.sentEmails],
    );
    const t = performance.now();
    await sql.unsafe("vacuum analyze");
    timings["vacuum analyze"] = Math.round(performance.now() - t);
  } finally {
    await sql.end();
  }
  return timings;
}

/** One statement against the bench database, for the measures' own fixtures and checks. */
export function connectSql(url: string, max = 4) {
  return postgres(url, { max, onnotice: () => {} });
}
export type Sql = ReturnType<typeof connectSql>;
