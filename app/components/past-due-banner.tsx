import Link from "next/link";

export function PastDueBanner({ graceEndsAt }: { graceEndsAt?: Date }) {
  return (
    <div role="status" className="rounded-xl border-2 border-clay bg-clay-soft px-4 py-3">
      <p className="font-semibold">Your last payment didn’t go through.</p>
      <p className="text-sm">
        You still have full access{graceEndsAt ? ` until ${graceEndsAt.toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" })}` : ""}.{" "}
        <Link href="/account/billing" className="link">
          Update your card
        </Link>{" "}
        to keep it.
      </p>
    </div>
  );
}
