import { afterEach, describe, expect, it, vi } from "vitest";
import { configuredTransport, emailSettings } from "./configured";
import { smtpTransport } from "./smtp";

const FROM = '"Dojo" <no-reply@dojo.test>';

describe("transport choice", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("defaults to no SMTP server and a neutral sender name", () => {
    expect(emailSettings()).toEqual({ server: undefined, from: '"Dojo" <no-reply@localhost>', connections: 8 });
  });

  it("uses SMTP when configured, the dev mailbox outside production, and nothing in production", () => {
    const smtp = configuredTransport({ server: "smtp://127.0.0.1:2525", from: FROM, connections: 6 });
    expect(smtp?.recordAs).toBeUndefined();
    expect(smtp?.concurrency).toBe(6); // pooled: the worker keeps every connection busy
    smtp?.close?.();
    expect(smtpTransport("smtp://127.0.0.1:2525", FROM).concurrency).toBe(1);
    expect(smtpTransport("smtp://127.0.0.1:2525?pool=true&maxConnections=3", FROM).concurrency).toBe(3);
    expect(configuredTransport({ server: undefined, from: FROM, connections: 8 })?.recordAs).toBe("dev-mailbox");
    vi.stubEnv("NODE_ENV", "production");
    expect(configuredTransport({ server: undefined, from: FROM, connections: 8 })).toBeNull();
    expect(() => smtpTransport("http://example.test", FROM)).toThrow(/smtp/);
  });

  it("lets the URL's own pool settings win over the app's, and refuses a pool of no connections", () => {
    expect(smtpTransport("smtp://127.0.0.1:2525?pool=false", FROM, { pool: true, maxConnections: 6 }).concurrency).toBe(1);
    expect(smtpTransport("smtp://127.0.0.1:2525?maxConnections=2", FROM, { pool: true, maxConnections: 6 }).concurrency).toBe(2);
    expect(smtpTransport("smtp://127.0.0.1:2525?pool=1", FROM).concurrency).toBe(5);
    expect(() => smtpTransport("smtp://127.0.0.1:2525?pool=true&maxConnections=0", FROM)).toThrow(/maxConnections/);
  });
});
