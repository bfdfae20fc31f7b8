// The largest request body a page's form (a server action) may send. The
// largest real one is the coach's subscriber import: a CSV of up to 5 MB
// (lib/newsletter/import-export.ts) plus the form around it. Next refuses a
// bigger body with a 500 of its own; proxy.ts answers it first, with a 413
// that says what happened.
export const ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

export const TOO_LARGE_MESSAGE = "That was more than we can take in one go (6 MB), so nothing was saved. Go back, make it shorter or split it, and send it again.";
