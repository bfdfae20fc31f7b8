import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { env } from "@/lib/env";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, env().APP_URL);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Sign in</h1>
      <p className="leading-relaxed text-muted">
        No password to remember. We’ll email you a link that signs you in — new here? The same link creates your account.
      </p>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm text-muted">The email comes from “Dojo” with the subject “Your sign-in link”, and says nothing about what’s inside your account.</p>
    </div>
  );
}
