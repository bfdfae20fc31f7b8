import type { Metadata } from "next";
import Link from "next/link";
import { isEmailLinkUsable } from "@/lib/auth/email-link";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in", robots: { index: false }, referrer: "no-referrer" };

type Params = { email?: string; token?: string; callbackUrl?: string };

// Opening the link only shows this page; nothing is used up until the button
// is pressed, so a mail system that "clicks" links to scan them signs no one in.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Params> }) {
  const { email = "", token = "", callbackUrl } = await searchParams;
  const usable = email && token ? await isEmailLinkUsable(email, token) : false;
  if (!usable) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="font-serif text-3xl font-semibold">This link has expired</h1>
        <p className="leading-relaxed">
          Sign-in links work once, for 10 minutes, to keep your account safe. It only takes a moment to get a new one.
        </p>
        <Link href="/signin" className="btn-primary">
          Email me a new link
        </Link>
      </div>
    );
  }
  const action = `/api/auth/callback/nodemailer?${new URLSearchParams({
    email,
    token,
    callbackUrl: safeCallbackPath(callbackUrl, env().APP_URL),
  })}`;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-semibold">Welcome back</h1>
      <p className="leading-relaxed">
        Signing in as <strong>{email}</strong>.
      </p>
      <form method="post" action={action}>
        <button type="submit" className="btn-primary w-full sm:w-auto">
          Sign in
        </button>
      </form>
    </div>
  );
}
