CREATE TABLE "quiz_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"definition_version" integer NOT NULL,
	"question_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_results" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"definition_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"prescription_id" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE INDEX "quiz_events_type_created_at_idx" ON "quiz_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "quiz_results_created_at_idx" ON "quiz_results" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits" USING btree ("window_start");