/** A published date as readers see it (the site writes dates in UTC, like the newsletter archive). */
export const articleDate = (iso: string) => new Date(iso).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
