// The new check-in form as a browser sends it: the submission id the page was
// rendered with (every copy of one rendered form is one check-in), the words,
// a mood, sent to the coach; and the stored check-in an accepted send leads to.

/** The submission id in the new check-in page's HTML, if the form carries one. */
export function submissionOf(html: string): string | undefined {
  return /name="submission" value="([^"]+)"/.exec(html)?.[1];
}

/** The form's fields for `submission`, with `happened` as the words and the other boxes left empty. */
export function checkinFields(submission: string, happened: string, mood = 3): Record<string, string> {
  return { submission, happened, mood: String(mood), sendTo: "coach", win: "", hard: "", question: "" };
}

/** The id of the stored check-in an accepted send redirects to (`/dojo/check-ins/<id>?sent=1`), if it did. */
export function sentCheckinId(redirect: string | null): string | undefined {
  return /^\/dojo\/check-ins\/([0-9a-f-]{36})\?sent=1$/.exec(redirect ?? "")?.[1];
}
