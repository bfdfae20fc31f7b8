// Starts a newsletter issue the way the coach console does (saveIssue, then
// sendIssueNow), with the app's own code, in a process of its own (see
// allow-server-only.ts). Prints "RESULT {issueId, recipients, startedAt}".
// If the newsletter API is missing (still being written), prints
// "RESULT {fallback: reason}" and the benchmark measures the outbox alone.
async function main() {
  const coach = { id: process.env.BENCH_COACH_ID ?? "", email: process.env.BENCH_COACH_EMAIL ?? "", role: "admin" as const, timeZone: "UTC", sessionToken: "" };
  let api: typeof import("../../lib/newsletter/issues");
  try {
    api = await import("../../lib/newsletter/issues");
    if (typeof api.saveIssue !== "function" || typeof api.sendIssueNow !== "function") throw new Error("saveIssue/sendIssueNow not exported");
  } catch (err) {
    console.log(`RESULT ${JSON.stringify({ fallback: err instanceof Error ? err.message : String(err) })}`);
    return;
  }
  const body = [
    "## A note for the week",
    "",
    "Some weeks are quieter than others. If this one is loud, **that’s allowed**.",
    "",
    "- Write down one thing you did for yourself today.",
    "- If you want to reach out, wait a day first.",
    "",
    "[Take the free plan again](https://dojo.test/quiz) if things have changed.",
  ].join("\n");
  const saved = await api.saveIssue(coach, null, { subject: "Ex-communication: a note for the week", bodyMd: body, audience: "all", visibility: "public" });
  if (!saved.ok) throw new Error(`saveIssue: ${saved.error}`);
  const startedAt = Date.now();
  const sent = await api.sendIssueNow(coach, saved.id);
  if (!sent.ok) throw new Error(`sendIssueNow: ${sent.error}`);
  console.log(`RESULT ${JSON.stringify({ issueId: saved.id, recipients: sent.recipients, startedAt, returnedAt: Date.now() })}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
