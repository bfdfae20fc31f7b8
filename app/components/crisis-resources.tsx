import { abuseLines, crisisLines, elsewhereNote, emergencyLine, type CrisisLine } from "@/lib/safety/resources";

function LineList({ lines }: { lines: CrisisLine[] }) {
  return (
    <ul className="space-y-2">
      {lines.map((line) => (
        <li key={line.name + line.where}>
          <span className="font-semibold">{line.name}</span> <span className="text-muted">({line.where})</span>:{" "}
          <a href={line.href} className="link">
            {line.contact}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Phone numbers first, words second: someone in danger should not have to scroll. */
export function CrisisResources({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="crisis-heading" className="space-y-4 rounded-2xl border-2 border-alert bg-alert-soft p-5">
      <H id="crisis-heading" className="text-xl font-semibold">
        Get help now
      </H>
      <p>
        <span className="font-semibold">{emergencyLine.note}</span> {emergencyLine.contact}.
      </p>
      <div>
        <Sub className="mb-2 font-semibold">If you are thinking about harming yourself</Sub>
        <LineList lines={crisisLines} />
      </div>
      <div>
        <Sub className="mb-2 font-semibold">If your ex frightens you, threatens you or won’t leave you alone</Sub>
        <LineList lines={abuseLines} />
      </div>
      <p className="text-sm">{elsewhereNote}</p>
    </section>
  );
}
