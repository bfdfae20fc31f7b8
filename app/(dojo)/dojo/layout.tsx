import Link from "next/link";

// Navigation only: every Dojo page checks the member's access itself.
export default function DojoLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="space-y-6">
      <nav aria-label="Dojo" className="-mt-4 flex flex-wrap gap-x-5 gap-y-2 border-b border-line pb-3 text-sm">
        <Link href="/dojo" className="link">
          Lessons
        </Link>
        <Link href="/dojo/check-ins" className="link">
          Check-ins
        </Link>
        <Link href="/account" className="link">
          Account
        </Link>
      </nav>
      {children}
    </div>
  );
}
