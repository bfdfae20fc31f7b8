import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/articles/feed";
import { cachedPublishedArticles } from "@/lib/articles/public";
import { env } from "@/lib/env";

// Per request (the build has no database, and APP_URL is the running server's), from the cached article list.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await cachedPublishedArticles(), env().APP_URL);
}
