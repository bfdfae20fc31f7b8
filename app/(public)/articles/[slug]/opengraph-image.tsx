import { ImageResponse } from "next/og";
import { cachedPublishedArticle } from "@/lib/articles/public";

// The share card: the article's title on the site's colours, in the default font
// (bundled with next/og, so nothing is fetched from the network).
export const alt = "Breakup Dojo article";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export function generateStaticParams(): { slug: string }[] {
  return [];
}

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const found = await cachedPublishedArticle((await params).slug);
  const title = found.kind === "article" ? found.article.title : "Breakup Dojo";
  const minutes = found.kind === "article" ? `${found.article.minutes} min read` : "";
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "72px 80px",
          background: "#fbf8f3",
          color: "#1f2a2e",
          borderBottom: "24px solid #1d5c63",
        }}
      >
        <div style={{ display: "flex", fontSize: 34, color: "#9a4a2c", fontWeight: 700 }}>Breakup Dojo</div>
        <div style={{ display: "flex", fontSize: title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.15 }}>{title}</div>
        <div style={{ display: "flex", fontSize: 30, color: "#4f5b60" }}>{minutes}</div>
      </div>
    ),
    size,
  );
}
