// Client-safe URL helpers for quiz results.
export function resultPath(token: string): string {
  return `/quiz/result/${token}`;
}
