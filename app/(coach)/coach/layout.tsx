import Link from "next/link";

// Navigation only: every coach page checks the coach's rights itself.
export default function CoachLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="Coach console" className="-mt-4 flex flex-wrap gap-x-5 gap-y-2 border-b border-line pb-3 text-sm">
        <span className="font-semibold text-clay">Coach console</span>
        <Link href="/coach/check-ins" className="link">
          Check-ins
        </Link>
        <Link href="/coach/lessons" className="link">
          Lessons
        </Link>
        <Link href="/coach/members" className="link">
          Members
        </Link>
        <Link href="/coach/newsletter" className="link">
          Newsletter
        </Link>
      </nav>
      {children}
    </div>
  );
}
