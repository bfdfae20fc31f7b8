import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function SentPage() {
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-semibold">Check your email</h1>
      <p className="leading-relaxed">
        If that address can receive email, a sign-in link is on its way. It works once, for 10 minutes.
      </p>
      <p className="leading-relaxed text-muted">
        Nothing after a few minutes? Check your spam folder, or{" "}
        <Link href="/signin" className="link">
          ask for a new link
        </Link>
        .
      </p>
    </div>
  );
}
