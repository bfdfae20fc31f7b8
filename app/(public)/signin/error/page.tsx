import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const expired = error === "Verification";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-semibold">{expired ? "This link has expired" : "We couldn’t sign you in"}</h1>
      <p className="leading-relaxed">
        {expired
          ? "Sign-in links work once, for 10 minutes, to keep your account safe. It only takes a moment to get a new one."
          : "Something went wrong on our side. Please try again in a moment."}
      </p>
      <Link href="/signin" className="btn-primary">
        Email me a new link
      </Link>
    </div>
  );
}
