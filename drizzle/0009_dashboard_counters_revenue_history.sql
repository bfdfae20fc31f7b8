CREATE TABLE "mrr_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subscription_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"stripe_price_id" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reply_time_counts" (
	"hour" timestamp with time zone NOT NULL,
	"coach_id" text DEFAULT '' NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reply_time_counts_hour_coach_id_bucket_pk" PRIMARY KEY("hour","coach_id","bucket")
);
--> statement-breakpoint
CREATE TABLE "funnel_counts" (
	"hour" timestamp with time zone NOT NULL,
	"step" text NOT NULL,
	"definition_version" integer DEFAULT 0 NOT NULL,
	"question_id" text DEFAULT '' NOT NULL,
	"prescription_id" text DEFAULT '' NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "funnel_counts_hour_step_definition_version_question_id_prescription_id_pk" PRIMARY KEY("hour","step","definition_version","question_id","prescription_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_checkin_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "mrr_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "mrr_currency" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "first_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "trial_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quiz_events" ADD COLUMN "prescription_id" text;--> statement-breakpoint
CREATE INDEX "mrr_changes_occurred_at_idx" ON "mrr_changes" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "lesson_progress_lesson_idx" ON "lesson_progress" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "newsletter_subscribers_unsubscribed_idx" ON "newsletter_subscribers" USING btree ("unsubscribed_at") WHERE unsubscribed_at is not null;--> statement-breakpoint
-- Backfill (hand-written): the counters and the revenue history start from what the database already holds.
INSERT INTO "funnel_counts" ("hour", "step", "definition_version", "question_id", "prescription_id", "count")
SELECT date_trunc('hour', "created_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "type", "definition_version", coalesce("question_id", ''), coalesce("prescription_id", ''), count(*)
FROM "quiz_events" GROUP BY 1, 2, 3, 4, 5;--> statement-breakpoint
-- The bucket is the number of edges below the wait: the edges of lib/dashboard/reply-times.ts as they are today.
INSERT INTO "reply_time_counts" ("hour", "coach_id", "bucket", "count")
SELECT date_trunc('hour', "replied_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', coalesce("claimed_by", ''),
  (SELECT count(*) FROM unnest(ARRAY[5,10,15,20,30,45,60,90,120,180,240,300,360,480,600,720,960,1200,1440,1800,2160,2880,4320,5760,7200,10080,20160]) AS e WHERE e < extract(epoch FROM "replied_at" - "submitted_at") / 60),
  count(*)
FROM "checkins" WHERE "replied_at" IS NOT NULL AND "submitted_at" IS NOT NULL GROUP BY 1, 2, 3;--> statement-breakpoint
UPDATE "subscriptions" s SET
  "mrr_minor" = CASE WHEN s."status" IN ('active', 'past_due') THEN CASE WHEN p."interval" = 'year' THEN round(p."amount_cents" / 12.0) ELSE p."amount_cents" END ELSE 0 END,
  "mrr_currency" = CASE WHEN s."status" IN ('active', 'past_due') THEN p."currency" END,
  "first_paid_at" = CASE WHEN s."status" IN ('active', 'past_due', 'canceled', 'unpaid') THEN s."updated_at" END,
  "trial_started_at" = CASE WHEN s."trial_end" IS NOT NULL OR s."status" = 'trialing' THEN s."updated_at" END
FROM "plans" p WHERE p."stripe_price_id" = s."stripe_price_id";--> statement-breakpoint
INSERT INTO "mrr_changes" ("subscription_id", "kind", "amount_minor", "currency", "stripe_price_id", "occurred_at")
SELECT "id", 'new', "mrr_minor", "mrr_currency", "stripe_price_id", "updated_at" FROM "subscriptions" WHERE "mrr_minor" > 0;
--> statement-breakpoint
UPDATE "users" u SET "last_checkin_at" = c.last FROM (SELECT "user_id", max("submitted_at") AS last FROM "checkins" WHERE "status" IN ('waiting', 'replied') GROUP BY "user_id") c WHERE c."user_id" = u."id";
