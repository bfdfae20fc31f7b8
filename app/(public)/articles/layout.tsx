import type { Metadata } from "next";
import { env } from "@/lib/env";

// Share cards (each article's opengraph-image) are addressed from this segment's metadataBase:
// the running server's APP_URL, not the host Next would guess. Read per request, never at build.
export function generateMetadata(): Metadata {
  return { metadataBase: new URL(env().APP_URL) };
}

export default function ArticlesLayout({ children }: { children: React.ReactNode }) {
  return children;
}
