/** A Content-Disposition that saves the answer as `fileName`, any characters included (RFC 6266 with RFC 5987's filename*). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A CSV file to download: never cached, named by the caller (the dashboard's tables, the subscriber list). */
export function csvDownload(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(filename),
      "cache-control": "no-store",
    },
  });
}
