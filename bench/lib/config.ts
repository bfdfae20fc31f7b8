// Full and smoke parameters. Smoke runs every measurement, tiny, to prove the
// benchmark still works (in CI); its throughput figures are indicative only.
import type { Volume } from "./database";

export interface BenchConfig {
  smoke: boolean;
  volume: Volume;
  lighthouseRuns: number;
  /** autocannon, per target: warm-up then measured seconds, at `connections`. */
  loadWarmupSeconds: number;
  loadSeconds: number;
  connections: number;
  webhookEvents: number;
  webhookConcurrency: number;
  /** Check-ins generated in PGlite for the coach queue (PostgreSQL uses the seeded volume). */
  pgliteCheckins: number;
  queueRuns: number;
  newsletterEmails: number;
}

export function benchConfig(smoke: boolean): BenchConfig {
  if (smoke) {
    return {
      smoke,
      volume: { users: 500, checkins: 20_000, quizResults: 1000, quizEvents: 20_000, newsletterSubscribers: 300, sentEmails: 500 },
      lighthouseRuns: 1,
      loadWarmupSeconds: 1,
      loadSeconds: 3,
      connections: 20,
      webhookEvents: 100,
      webhookConcurrency: 10,
      pgliteCheckins: 20_000,
      queueRuns: 50,
      newsletterEmails: 300,
    };
  }
  return {
    smoke,
    volume: { users: 20_000, checkins: 1_000_000, quizResults: 50_000, quizEvents: 2_000_000, newsletterSubscribers: 10_000, sentEmails: 20_000 },
    lighthouseRuns: 3,
    loadWarmupSeconds: 3,
    loadSeconds: 10,
    connections: 20,
    webhookEvents: 2000,
    webhookConcurrency: 10,
    pgliteCheckins: 1_000_000,
    queueRuns: 300,
    newsletterEmails: 10_000,
  };
}
