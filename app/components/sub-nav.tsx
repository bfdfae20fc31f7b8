import Link from "next/link";

/** The row of links under the site header in the Dojo and the coach console. */
export function SubNav({ label, title, links }: { label: string; title?: string; links: [href: string, text: string][] }) {
  return (
    <nav aria-label={label} className="-mt-4 flex flex-wrap gap-x-5 gap-y-2 border-b border-line pb-3 text-sm">
      {title ? <span className="font-semibold text-clay">{title}</span> : null}
      {links.map(([href, text]) => (
        <Link key={href} href={href} className="link">
          {text}
        </Link>
      ))}
    </nav>
  );
}
