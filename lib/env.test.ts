import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("environment validation", () => {
  it("gives development defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.QUIZ_RESULT_RETENTION_DAYS).toBe(180);
  });

  it("names every bad variable on its own line", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://x", APP_URL: "not a url", QUIZ_RESULT_RETENTION_DAYS: "soon" });
    } catch (err) {
      message = (err as Error).message;
    }
    const lines = message.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Invalid environment variable DATABASE_URL: must be a postgres/);
    expect(lines.some((l) => l.startsWith("Invalid environment variable APP_URL:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Invalid environment variable QUIZ_RESULT_RETENTION_DAYS:"))).toBe(true);
  });

  it("requires the secrets in production, naming each", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      [
        "Invalid environment variable AUTH_SECRET: is required in production",
        "Invalid environment variable EMAIL_SERVER: is required in production",
        "Invalid environment variable STRIPE_SECRET_KEY: is required in production",
        "Invalid environment variable STRIPE_WEBHOOK_SECRET: is required in production",
        "Invalid environment variable DATA_KEY: is required in production",
      ].join("\n"),
    );
  });

  it("reads ADMIN_EMAILS as a lower-cased list and rejects a bad address", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Coach@Example.com, owner@example.com " }).ADMIN_EMAILS).toEqual(["coach@example.com", "owner@example.com"]);
    expect(() => parseEnv({ ADMIN_EMAILS: "coach@example.com, nope" })).toThrow(/ADMIN_EMAILS/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
