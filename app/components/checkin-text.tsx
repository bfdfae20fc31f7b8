import type { ReactNode } from "react";
import { renderMarkdown } from "@/lib/markdown/render";

type Content = { happened: string; win: string; hard: string; question: string };

/** What a member wrote in a check-in, field by field; the member and the coach read the same layout. */
export function CheckinText({ content, questionLabel }: { content: Content; questionLabel: string }) {
  const sections: [keyof Content, string][] = [
    ["happened", "What happened"],
    ["win", "A win"],
    ["hard", "What is hard"],
    ["question", questionLabel],
  ];
  return sections.map(([key, label]) =>
    content[key] ? (
      <section key={key} className="space-y-1">
        <h2 className="font-semibold">{label}</h2>
        <p className="whitespace-pre-wrap leading-relaxed">{content[key]}</p>
      </section>
    ) : null,
  );
}

export const stampUtc = (d: Date) => `${d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

/** A coach's reply, rendered from its Markdown. */
export function CheckinReply({ coach, createdAt, body, label }: { coach: string; createdAt: Date; body: string; label?: string }): ReactNode {
  return (
    <section aria-label={label ?? `Reply from ${coach}`} className="space-y-2 rounded-2xl bg-brand-soft p-5">
      <h2 className="font-semibold">
        {coach} replied <span className="text-sm font-normal text-muted">· {stampUtc(createdAt)}</span>
      </h2>
      <div className="lesson-prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
    </section>
  );
}
