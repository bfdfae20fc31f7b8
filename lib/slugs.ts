// Addresses made from titles: "When they text first — what now?" → "when-they-text-first-what-now".

/** A title as a slug of at most 60 characters, or `fallback` when it has no letters or digits to keep. */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** The first of `base`, `base-2`, `base-3`… that `isFree` accepts. */
export async function firstFreeSlug(base: string, isFree: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (await isFree(candidate)) return candidate;
  }
}
