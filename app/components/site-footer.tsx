import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line">
      <div className="mx-auto max-w-3xl space-y-3 px-4 py-8 text-sm text-muted">
        <p>
          Breakup Dojo offers coaching, not therapy or medical advice. If you are in danger or thinking about harming
          yourself, please <Link href="/help" className="link">get help now</Link>.
        </p>
        <p>
          <Link href="/articles" className="link">
            Articles
          </Link>{" "}
          · No tracking, no ads. The free plan asks for no email.
        </p>
      </div>
    </footer>
  );
}
