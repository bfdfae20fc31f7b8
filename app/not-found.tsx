import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-semibold">We couldn’t find that page</h1>
      <p className="leading-relaxed text-muted">
        The link may be mistyped, or the page may have moved. Nothing you did broke anything.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/" className="btn-secondary">
          Go to the home page
        </Link>
        <Link href="/quiz" className="btn-primary">
          Take the free quiz
        </Link>
      </div>
    </div>
  );
}
