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
ALTER TABLE "subscriptions" ADD COLUMN "mrr_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "mrr_currency" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "first_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "trial_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quiz_events" ADD COLUMN "prescription_id" text;--> statement-breakpoint
CREATE INDEX "mrr_changes_occurred_at_idx" ON "mrr_changes" USING btree ("occurred_at");