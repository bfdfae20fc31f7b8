import "server-only";
import { z } from "zod";
import { isWholeHourZone } from "@/lib/dashboard/zone";

// Parsed once, typed everywhere. Defaults serve development only; secrets that
// production needs are required there (see the refinement at the bottom).
const emailList = z
  .string()
  .transform((s) => s.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.email("must be a comma-separated list of email addresses")));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:3000" }).default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    /** Earlier AUTH_SECRETs, comma-separated: newsletter links signed with them keep working after a rotation. */
    AUTH_SECRET_PREVIOUS: z
      .string()
      .transform((v) => v.split(",").map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => k.length >= 32), "must be earlier AUTH_SECRETs (32+ characters each), separated by commas")
      .default([]),
    EMAIL_SERVER: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
    EMAIL_FROM: z.string().min(3).default('"Dojo" <no-reply@localhost>'),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_… or sk_live_…)").optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", "must start with whsec_").optional(),
    STRIPE_API_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL of the Stripe API or the emulator" }).optional(),
    ADMIN_EMAILS: emailList.default([]),
    DATA_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64-encoded (try: openssl rand -base64 32)")
      .optional(),
    /** Earlier DATA_KEYs, comma-separated, while `npm run data:reseal` moves what they sealed to DATA_KEY. */
    DATA_KEY_PREVIOUS: z
      .string()
      .transform((v) => v.split(",").map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => Buffer.from(k, "base64").length === 32), "must be earlier DATA_KEYs (32 bytes, base64), separated by commas")
      .default([]),
    /** The owner's dashboard counts days, weeks and months in this zone (the business's own). */
    DASHBOARD_TIME_ZONE: z
      .string()
      .refine(isWholeHourZone, "must be an IANA time zone whose offset from UTC is whole hours, such as Europe/Berlin or America/New_York")
      .default("UTC"),
    CHECKIN_RESPONSE_TARGET_HOURS: z.coerce.number().positive().max(24 * 14).default(24),
    PAST_DUE_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
    QUIZ_RESULT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    QUIZ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    SIGNIN_LIMIT_PER_EMAIL_HOUR: z.coerce.number().int().min(1).default(5),
    SIGNIN_LIMIT_PER_IP_HOUR: z.coerce.number().int().min(1).default(20),
    /** SMTP connections the email worker keeps open and sends over in parallel. */
    EMAIL_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(8),
    /**
     * How long an email being sent belongs to the worker that claimed it. If that worker dies
     * mid-send, another may retry the email after this; a shorter lease resends sooner.
     */
    /** off: this web instance leaves email, newsletters and housekeeping to `npm run worker` processes. */
    WORKERS: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
    EMAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    /** Newsletter emails handed to the outbox per second: set it to what your mail provider accepts. */
    NEWSLETTER_SEND_RATE: z.coerce.number().positive().max(10_000).default(300),
    NEWSLETTER_LIMIT_PER_EMAIL_HOUR: z.coerce.number().int().min(1).default(5),
    NEWSLETTER_LIMIT_PER_IP_HOUR: z.coerce.number().int().min(1).default(20),
    /** The mailto: half of List-Unsubscribe; unset → the address in EMAIL_FROM. Someone must read that mailbox. */
    NEWSLETTER_UNSUBSCRIBE_MAILTO: z.email("must be an email address").optional(),
    /** Where product files live when no S3 store is configured. */
    PRODUCT_FILES_DIR: z.string().min(1).default(".data/product-files"),
    /** The largest file a coach may upload to a product, in megabytes. */
    PRODUCT_FILE_MAX_MB: z.coerce.number().int().min(1).max(2048).default(200),
    /** Downloads each purchase allows (all its files together). */
    DOWNLOAD_LIMIT: z.coerce.number().int().min(1).max(10_000).default(20),
    /** An S3-compatible store for product files (all four S3_* but S3_REGION are needed together). */
    S3_BUCKET: z.string().min(1).optional(),
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be the store's http(s) endpoint, such as https://s3.eu-west-1.amazonaws.com" }).optional(),
    S3_REGION: z.string().min(1).default("auto"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.S3_BUCKET || env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID || env.S3_SECRET_ACCESS_KEY) {
      for (const key of ["S3_BUCKET", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when any S3_* variable is set" });
      }
    }
    if (env.NODE_ENV !== "production") return;
    for (const key of ["AUTH_SECRET", "EMAIL_SERVER", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "DATA_KEY"] as const) {
      if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
    }
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

// Development stand-ins, used only when NODE_ENV is not production (the schema requires the real ones there).
const DEV_AUTH_SECRET = "development-only-secret-do-not-use-in-production";
export const DEV_STRIPE_KEY = "sk_test_dev_emulator";
export const DEV_WEBHOOK_SECRET = "whsec_dev_emulator";
export const DEV_STRIPE_API_URL = "http://127.0.0.1:12111";

export const authSecret = () => env().AUTH_SECRET ?? DEV_AUTH_SECRET;

/** AUTH_SECRET, then the earlier ones (AUTH_SECRET_PREVIOUS): sign with the first, accept any. */
export const authSecrets = () => [authSecret(), ...env().AUTH_SECRET_PREVIOUS];

/** Where the Stripe SDK sends requests: STRIPE_API_URL, else the emulator when there is no key; undefined means Stripe itself. */
export function stripeApiUrl(): string | undefined {
  const { STRIPE_SECRET_KEY, STRIPE_API_URL } = env();
  return STRIPE_API_URL ?? (STRIPE_SECRET_KEY ? undefined : DEV_STRIPE_API_URL);
}
