/** A CSV file to download: never cached, named by the caller (the dashboard's tables, the subscriber list). */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
