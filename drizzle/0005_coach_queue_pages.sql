DROP INDEX "checkins_queue_idx";--> statement-breakpoint
CREATE INDEX "checkins_shared_idx" ON "checkins" USING btree ("submitted_at" DESC NULLS LAST,"id") WHERE status in ('waiting', 'replied');--> statement-breakpoint
CREATE INDEX "checkins_queue_idx" ON "checkins" USING btree ("urgent" DESC NULLS LAST,"submitted_at","id") WHERE status = 'waiting';