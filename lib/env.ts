import "server-only";
import { z } from "zod";

// Parsed once, typed everywhere. Defaults serve development only; anything
// secret that production needs is required there (see requiredInProduction).
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:3000" }).default("http://localhost:3000"),
  QUIZ_RESULT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  QUIZ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
});

export type Env = z.infer<typeof schema>;

/** One line per bad variable, naming it, so a misconfigured deploy says exactly what to fix. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `Invalid environment variable ${i.path.join(".")}: ${i.message}`);
    throw new Error(lines.join("\n"));
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
