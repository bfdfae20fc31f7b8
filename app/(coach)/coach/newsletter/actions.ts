"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/lib/actions/client";
import { checkbox, rowId } from "@/lib/actions/fields";
import { importSubscribers, type ImportSummary } from "@/lib/newsletter/import-export";
import { deleteDraft, issueInputSchema, saveIssue, scheduleIssue, sendIssueNow, sendTestIssue, unscheduleIssue } from "@/lib/newsletter/issues";

// Intents that act on the stored issue, and those that save what is on screen first
// (so a test or a send is of exactly this text). A missing intent is a plain save.
const issueId = rowId().optional();
const issueForm = z.preprocess(
  (v) => (v && typeof v === "object" && !("intent" in v) ? { ...v, intent: "save" } : v),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.enum(["unschedule", "delete"]), issueId }),
    issueInputSchema.extend({ intent: z.enum(["save", "test", "schedule", "send"]), issueId, sendAt: z.string().max(40).optional() }),
  ]),
);

const editorPath = (id: number, params: Record<string, string>) => `/coach/newsletter/${id}?${new URLSearchParams(params)}`;

export const issueAction = coachAction(issueForm, async ({ input, actor }) => {
  const existing = input.issueId ?? null;
  if (!("subject" in input)) {
    if (existing === null) return { ok: false, error: "Save the issue first." };
    if (input.intent === "delete") {
      const r = await deleteDraft(actor, existing);
      if (!r.ok) return r;
      revalidatePath("/coach/newsletter");
      redirect("/coach/newsletter");
    }
    const r = await unscheduleIssue(actor, existing);
    revalidatePath(`/coach/newsletter/${existing}`);
    return r.ok ? { ok: true, message: "Unscheduled. It’s a draft again." } : r;
  }

  const { intent, issueId: _id, sendAt, ...fields } = input;
  const saved = await saveIssue(actor, existing, fields);
  if (!saved.ok) return saved;
  const id = saved.id;
  revalidatePath("/coach/newsletter");
  // A new issue has no editor page yet: every outcome goes to its page, with the message in the address.
  const answer = (notice: string, message: string) => (existing === null ? redirect(editorPath(id, { notice })) : ({ ok: true, message } as const));
  const refuse = (error: string, field?: string) => (existing === null ? redirect(editorPath(id, { error })) : { ok: false as const, error, ...(field ? { fieldErrors: { [field]: error } } : {}) });

  if (intent === "test") {
    const r = await sendTestIssue(actor, id);
    return r.ok ? answer("test", `Saved, and a test copy is on its way to ${r.to}.`) : refuse(r.error);
  }
  if (intent === "schedule") {
    const r = await scheduleIssue(actor, id, sendAt);
    if (!r.ok) return refuse(r.error, "sendAt");
    redirect(editorPath(id, { notice: "scheduled" }));
  }
  if (intent === "send") {
    const r = await sendIssueNow(actor, id);
    if (!r.ok) return refuse(r.error);
    // The public archive is served from the page cache: list the letter now on this instance
    // (others pick it up within the page's revalidate time, as do scheduled sends).
    revalidatePath("/newsletter/archive");
    redirect(editorPath(id, { notice: "sending" }));
  }
  return answer("saved", "Saved.");
});

const importForm = z.object({
  file: z.instanceof(File, { error: "Choose a CSV file to import." }).refine((f) => f.size > 0, "Choose a CSV file to import."),
  skipInvalid: checkbox(),
});

export interface ImportResult {
  errors: { line: number; message: string }[];
  summary?: ImportSummary;
}

export const importAction = coachAction(importForm, async ({ input, actor }) => {
  const result = await importSubscribers(actor, await input.file.text(), { skipInvalid: input.skipInvalid });
  revalidatePath("/coach/newsletter");
  const data: ImportResult = result.ok ? { summary: result.summary, errors: result.errors } : { errors: result.errors };
  return result.ok ? { ok: true, data } : { ok: false, error: result.message, data };
});
