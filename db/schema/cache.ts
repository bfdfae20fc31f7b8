// Page-cache invalidations, shared by every app instance (see lib/cache/page-cache-handler.cjs).
import { bigserial, index, jsonb, pgTable, timestamp } from "drizzle-orm/pg-core";

/** One row per revalidatePath/revalidateTag on any instance: the others drop those pages too. */
export const pageInvalidations = pgTable(
  "page_invalidations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tags: jsonb("tags").$type<string[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("page_invalidations_created_idx").on(t.createdAt)],
);
