import type { Metadata } from "next";
import { requireCoach } from "@/lib/auth/current-user";
import { listCurriculum } from "@/lib/lessons/editor";
import { LessonOrder } from "./lesson-order";
import { ModuleAnchorForm } from "./module-anchor-form";
import { NewLessonForm, NewModuleForm } from "./new-forms";

export const metadata: Metadata = { title: "Lessons", robots: { index: false } };

export default async function CoachLessonsPage() {
  const coach = await requireCoach("/coach/lessons");
  const modules = await listCurriculum(coach);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Lessons</h1>
      <p className="text-muted">Drag lessons to reorder them, or use the arrows. Members see published changes straight away; drafts only coaches see. A module can count its days from each member’s no-contact start instead of the day they joined; lessons a member already has open stay open when you switch.</p>
      {modules.map((m) => (
        <section key={m.id} aria-labelledby={`module-${m.id}`} className="space-y-3 rounded-2xl border border-line bg-card p-4">
          <div className="space-y-1">
            <h2 id={`module-${m.id}`} className="font-serif text-xl font-semibold">
              {m.title}
            </h2>
            {m.releaseAnchor === "no_contact" ? <p className="text-sm text-muted">Days count from each member’s no-contact start (from their first Dojo day until they set one).</p> : null}
          </div>
          <ModuleAnchorForm moduleId={m.id} moduleTitle={m.title} anchor={m.releaseAnchor} />
          <LessonOrder key={m.lessons.map((l) => l.id).join(",")} moduleId={m.id} items={m.lessons} anchor={m.releaseAnchor} />
          <NewLessonForm moduleId={m.id} moduleTitle={m.title} />
        </section>
      ))}
      <NewModuleForm />
    </div>
  );
}
