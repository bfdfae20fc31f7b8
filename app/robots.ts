import type { MetadataRoute } from "next";
import { privatePaths } from "@/lib/articles/feed";
import { env } from "@/lib/env";

// Per request: the sitemap's address is the running server's APP_URL, which the build does not know.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: privatePaths },
    sitemap: new URL("/sitemap.xml", env().APP_URL).toString(),
  };
}
