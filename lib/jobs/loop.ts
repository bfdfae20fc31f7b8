// A background loop for the app's workers (email delivery, newsletter sending).
// Runs never overlap: the next is scheduled when the last ends. Errors are
// logged, never thrown. The timer does not keep the process alive. The
// returned function stops the loop and resolves when the run in progress, if
// any, has finished.

import { log } from "@/lib/log";

export interface LoopOptions {
  /** Prefix for log lines. */
  name: string;
  /** Delay after a run that failed, or whose step returned no delay of its own. */
  idleMs: number;
  /** One run. Returns how long to wait before the next (e.g. 0 while there is more to do). */
  step: () => Promise<number>;
  /** How to describe an error in the log (e.g. without credentials). */
  describeError?: (err: unknown) => string;
}

export function startLoop({ name, idleMs, step, describeError }: LoopOptions): () => Promise<void> {
  const describe = describeError ?? ((err: unknown) => (err instanceof Error ? err.message : String(err)));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    running = (async () => {
      let next = idleMs;
      try {
        next = await step();
      } catch (err) {
        log.error(`${name} failed`, { reason: describe(err) });
      }
      schedule(next);
    })();
  };
  schedule(0);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
