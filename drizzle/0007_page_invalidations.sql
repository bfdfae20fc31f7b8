CREATE TABLE "page_invalidations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tags" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "page_invalidations_created_idx" ON "page_invalidations" USING btree ("created_at");