"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSignedInUser } from "@/lib/auth/current-user";
import { importSubscribers, type ImportSummary } from "@/lib/newsletter/import-export";
import { deleteDraft, saveIssue, scheduleIssue, sendIssueNow, sendTestIssue, unscheduleIssue } from "@/lib/newsletter/issues";

// Server actions are public endpoints: lib/ checks that the caller is a coach.

export interface IssueFormState {
  error?: string;
  notice?: string;
}

const INTENTS = ["save", "test", "schedule", "send", "unschedule", "delete"] as const;
type Intent = (typeof INTENTS)[number];

export async function issueAction(issueId: number | null, _prev: IssueFormState, form: FormData): Promise<IssueFormState> {
  const user = await requireSignedInUser();
  const raw = String(form.get("intent") ?? "save");
  const intent: Intent = (INTENTS as readonly string[]).includes(raw) ? (raw as Intent) : "save";

  if (intent === "unschedule" || intent === "delete") {
    if (issueId === null) return { error: "Save the issue first." };
    if (intent === "delete") {
      const r = await deleteDraft(user, issueId);
      if (!r.ok) return { error: r.error };
      revalidatePath("/coach/newsletter");
      redirect("/coach/newsletter");
    }
    const r = await unscheduleIssue(user, issueId);
    revalidatePath(`/coach/newsletter/${issueId}`);
    return r.ok ? { notice: "Unscheduled. It’s a draft again." } : { error: r.error };
  }

  // Everything else saves what is on screen first, so a test or a send is of exactly this text.
  const saved = await saveIssue(user, issueId, {
    subject: form.get("subject"),
    bodyMd: form.get("bodyMd"),
    audience: form.get("audience"),
    visibility: form.get("visibility"),
  });
  if (!saved.ok) return { error: saved.error };
  const id = saved.id;
  revalidatePath("/coach/newsletter");

  if (intent === "test") {
    const r = await sendTestIssue(user, id);
    if (!r.ok) return { error: r.error };
    if (issueId === null) redirect(`/coach/newsletter/${id}?notice=test`);
    return { notice: `Saved, and a test copy is on its way to ${r.to}.` };
  }
  if (intent === "schedule") {
    const r = await scheduleIssue(user, id, form.get("sendAt"));
    if (!r.ok) {
      if (issueId === null) redirect(`/coach/newsletter/${id}?${new URLSearchParams({ error: r.error })}`);
      return { error: r.error };
    }
    redirect(`/coach/newsletter/${id}?notice=scheduled`);
  }
  if (intent === "send") {
    const r = await sendIssueNow(user, id);
    if (!r.ok) {
      if (issueId === null) redirect(`/coach/newsletter/${id}?${new URLSearchParams({ error: r.error })}`);
      return { error: r.error };
    }
    redirect(`/coach/newsletter/${id}?notice=sending`);
  }
  if (issueId === null) redirect(`/coach/newsletter/${id}?notice=saved`);
  return { notice: "Saved." };
}

export interface ImportFormState {
  error?: string;
  errors?: { line: number; message: string }[];
  summary?: ImportSummary;
}

export async function importAction(_prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  const user = await requireSignedInUser();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a CSV file to import." };
  const result = await importSubscribers(user, await file.text(), { skipInvalid: form.get("skipInvalid") === "on" });
  revalidatePath("/coach/newsletter");
  if (!result.ok) return { error: result.message, errors: result.errors };
  return { summary: result.summary, errors: result.errors };
}
