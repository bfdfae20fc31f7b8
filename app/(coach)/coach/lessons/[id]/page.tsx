import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCoach } from "@/lib/auth/current-user";
import { routeId } from "@/lib/http/route-id";
import { lessonForEditing } from "@/lib/lessons/editor";
import { restoreVersionAction } from "../actions";
import { LessonEditor } from "./lesson-editor";
import { VersionList } from "@/app/components/version-list";

export const metadata: Metadata = { title: "Edit lesson", robots: { index: false } };

export default async function EditLessonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const coach = await requireCoach(`/coach/lessons/${id}`);
  const lessonId = routeId(id);
  const found = lessonId ? await lessonForEditing(coach, lessonId) : null;
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
      <VersionList versions={versions} what="lesson" action={restoreVersionAction} fields={{ lessonId: lesson.id }} />
    </div>
  );
}
