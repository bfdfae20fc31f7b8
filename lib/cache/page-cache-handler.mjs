// Next's page cache (the one behind `revalidate` and revalidatePath), made to
// behave as one cache across app instances.
//
// Each instance keeps its own cached pages (Next's default handler: memory, then
// disk). Dropping a page with revalidatePath only reaches the instance that ran
// the server action, so a coach who publishes an article on one instance would
// see the old one on the next. This handler is Next's default one plus: every
// invalidation is written to `page_invalidations` and announced with
// NOTIFY; every instance LISTENs (and, in case a notification is missed across a
// reconnect, looks again every few seconds) and applies the others' rows to its
// own cache. Views never touch the database: only invalidations do.
//
// Plain JavaScript, loaded by Next's server itself (next.config.ts `cacheHandler`),
// outside the app's bundle: it cannot use lib/ or the app's connection. With
// PGlite (one process) or during `next build` (no database) it is Next's default
// handler and nothing more.
import defaultHandlerModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import postgres from "postgres";

const DefaultHandler = defaultHandlerModule.default ?? defaultHandlerModule;
const CHANNEL = "page_invalidations";
const CATCH_UP_MS = 5_000;
// Old rows only matter to an instance that missed the notification: an hour is plenty.
const PRUNE_EVERY_MS = 10 * 60_000;

// Pages under these paths are rendered per request for a signed-in person (proxy.ts gives them a
// nonce): they are never in the page cache, so their revalidatePath calls (a check-in sent, a
// lesson marked done) need not reach other instances. Keeps the check-in path free of a write.
const PRIVATE_PATHS = ["/dojo", "/account", "/coach", "/billing", "/join"];
const IMPLICIT_TAG = "_N_T_";

/**
 * The tags worth sharing: data tags (like "articles") and the implicit tags of paths that may be cached.
 * @param {string[]} tags
 */
export function shareable(tags) {
  return tags.filter((tag) => {
    if (!tag.startsWith(IMPLICIT_TAG)) return true;
    const path = tag.slice(IMPLICIT_TAG.length);
    return !PRIVATE_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
  });
}

/** @param {"info" | "error"} level @param {string} msg @param {Record<string, unknown>} [fields] */
function log(level, msg, fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  (level === "error" ? console.error : console.log)(line);
}

/** @param {unknown} err */
const reason = (err) => String(err instanceof Error ? err.message : err).split("\n", 1)[0].replace(/\/\/[^/\s@]+@/g, "//").slice(0, 300);

/**
 * One per process, whatever the number of handler objects (Next makes one per request).
 * @type {{ sql: import("postgres").Sql | null; lastSeen: number; ours: Set<number>; lastPrune: number; catchingUp: Promise<void> | null }}
 */
const shared = (globalThis[Symbol.for("breakup-dojo.page-cache")] ??= { sql: null, lastSeen: -1, ours: new Set(), lastPrune: 0, catchingUp: null });

function sharing() {
  return Boolean(process.env.DATABASE_URL) && process.env.NEXT_PHASE !== "phase-production-build";
}

/** Applies another instance's invalidation here, with the default handler's own logic (no re-publishing). */
function applyLocally(tags) {
  return DefaultHandler.prototype.revalidateTag.call(null, tags);
}

async function catchUp() {
  const sql = shared.sql;
  if (!sql) return;
  if (shared.lastSeen < 0) {
    // Start from now: pages this process has not cached yet need no invalidating.
    const [row] = await sql`select coalesce(max(id), 0)::bigint as id from page_invalidations`;
    shared.lastSeen = Number(row.id);
    return;
  }
  const rows = await sql`select id, tags from page_invalidations where id > ${shared.lastSeen} order by id`;
  for (const row of rows) {
    const id = Number(row.id);
    shared.lastSeen = id;
    if (shared.ours.delete(id)) continue;
    await applyLocally(row.tags);
  }
  if (Date.now() - shared.lastPrune > PRUNE_EVERY_MS) {
    shared.lastPrune = Date.now();
    await sql`delete from page_invalidations where created_at < now() - interval '1 hour'`;
  }
}

/** Runs catchUp, one at a time; a failure (the table not migrated yet, a lost connection) waits for the next turn. */
function catchUpSoon() {
  shared.catchingUp ??= catchUp()
    .catch((err) => log("error", "page cache: could not read invalidations", { reason: reason(err) }))
    .finally(() => {
      shared.catchingUp = null;
    });
  return shared.catchingUp;
}

function startSharing() {
  if (shared.sql || !sharing()) return;
  shared.sql = postgres(process.env.DATABASE_URL, { max: 2, onnotice: () => {}, connection: { application_name: "page-cache" } });
  shared.sql.listen(CHANNEL, () => void catchUpSoon(), () => void catchUpSoon()).catch((err) => log("error", "page cache: could not listen", { reason: reason(err) }));
  setInterval(() => void catchUpSoon(), CATCH_UP_MS).unref();
}

export default class PageCacheHandler extends DefaultHandler {
  constructor(ctx) {
    super(ctx);
    startSharing();
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = shareable((typeof tags === "string" ? [tags] : tags).filter((t) => typeof t === "string"));
    if (!shared.sql || list.length === 0) return;
    try {
      const [row] = await shared.sql`
        with added as (insert into page_invalidations (tags) values (${shared.sql.json(list)}) returning id)
        select id, pg_notify(${CHANNEL}, id::text) from added`;
      shared.ours.add(Number(row.id));
    } catch (err) {
      // The page is fresh here; elsewhere it will be after its revalidate time. Not worth failing the action.
      log("error", "page cache: could not share an invalidation", { reason: reason(err) });
    }
  }
}
