import { atomFeed } from "@/lib/articles/feed";
import { cachedPublishedArticles } from "@/lib/articles/public";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";

// Per request (the build has no database), from the same cached list as /articles.
export const dynamic = "force-dynamic";

export const GET = route("articles feed", async () => {
  const xml = atomFeed(await cachedPublishedArticles(), env().APP_URL);
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
});
