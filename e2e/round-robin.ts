// `node --import tsx e2e/round-robin.ts`: the e2e stack's load balancer when it
// runs two app instances (E2E_SCALE=1 in playwright.config.ts). Each request,
// not each connection, goes to the next instance in turn, so one browser's page
// load, its server actions and its redirects land on both. Sets X-Request-Id
// and X-Forwarded-For as a real load balancer would.
//   ROUND_ROBIN_PORT   where it listens
//   ROUND_ROBIN_TARGETS comma-separated base URLs of the instances
import { randomUUID } from "node:crypto";
import http from "node:http";

const port = Number(process.env.ROUND_ROBIN_PORT);
const targets = (process.env.ROUND_ROBIN_TARGETS ?? "").split(",").filter(Boolean).map((t) => new URL(t));
if (!Number.isInteger(port) || targets.length === 0) {
  console.error("round-robin: set ROUND_ROBIN_PORT and ROUND_ROBIN_TARGETS");
  process.exit(1);
}

let next = 0;
const server = http.createServer((req, res) => {
  const target = targets[next++ % targets.length] as URL;
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, "x-request-id": randomUUID(), "x-forwarded-for": req.socket.remoteAddress ?? "127.0.0.1" },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502).end("an instance did not answer");
    else res.destroy();
  });
  req.pipe(upstream);
});
server.listen(port, "127.0.0.1", () => console.log(`round-robin: :${port} → ${targets.map((t) => t.host).join(", ")}`));
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
