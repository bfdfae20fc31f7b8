import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCoach } from "@/lib/auth/current-user";
import { lessonForEditing } from "@/lib/lessons/editor";
import { ActionForm } from "@/app/components/action-form";
import { restoreVersionAction } from "../actions";
import { LessonEditor } from "./lesson-editor";

export const metadata: Metadata = { title: "Edit lesson", robots: { index: false } };

export default async function EditLessonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const coach = await requireCoach(`/coach/lessons/${id}`);
  const found = Number.isInteger(Number(id)) ? await lessonForEditing(coach, Number(id)) : null;
  if (!found) notFound();
  const { lesson, versions } = found;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/coach/lessons" className="link">
          ← All lessons
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold">Edit “{lesson.title}”</h1>
      <LessonEditor key={lesson.updatedAt.toISOString()} lesson={lesson} />
      <section aria-labelledby="versions" className="space-y-2">
        <h2 id="versions" className="text-lg font-semibold">
          Earlier versions
        </h2>
        {versions.length === 0 ? (
          <p className="text-sm text-muted">Each save of a published lesson keeps the text it replaced here.</p>
        ) : (
          <ul className="divide-y divide-line rounded-2xl border border-line bg-card">
            {versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                <span>
                  {v.title} <span className="text-sm text-muted">· saved {v.savedAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC</span>
                </span>
                <ActionForm action={restoreVersionAction}>
                  <input type="hidden" name="lessonId" value={lesson.id} />
                  <input type="hidden" name="versionId" value={v.id} />
                  <button type="submit" className="btn-secondary min-h-9 py-1 text-sm">
                    Restore
                  </button>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
