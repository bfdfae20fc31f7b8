import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-line bg-paper">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-card focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="font-serif text-xl font-semibold text-ink no-underline">
          Breakup Dojo
        </Link>
        {/* No pricing link up here: pages that show crisis resources must carry no sales prompt. */}
        <nav aria-label="Main">
          <ul className="flex items-center gap-4 text-sm sm:gap-6 sm:text-base">
            <li>
              <Link href="/quiz" className="font-medium text-ink hover:text-brand">
                Free plan
              </Link>
            </li>
            <li>
              {/* Not a Link: no prefetch of a private page. Signed out, /dojo leads to sign-in. */}
              <a href="/dojo" className="font-medium text-ink hover:text-brand">
                Members
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
