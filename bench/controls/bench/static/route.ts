// The Lighthouse control: what a page with the same kind of content scores when
// it is nothing but HTML (no framework, no scripts, no stylesheet request).
// Dynamic so the BENCH_ROUTES check runs per request, not once at build time.
export const dynamic = "force-dynamic";

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Control page · Breakup Dojo benchmark</title>
<meta name="description" content="A static HTML control page for the Breakup Dojo benchmark.">
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.6;color:#1f2a2e;background:#fbf8f3}
main{max-width:48rem;margin:0 auto;padding:2rem 1rem}
h1{font-family:Georgia,serif;font-size:2.25rem;line-height:1.2}
a{color:#1d5f5a}
</style>
</head>
<body>
<main>
<h1>You don’t need more rules. You need a plan that fits your life.</h1>
<p>Breakup Dojo is a coach in your pocket for the hard weeks after a breakup. Answer a few questions about what
happened and where things stand, and you’ll get a clear, honest plan for what to do next — and why.</p>
<h2>How the free plan works</h2>
<ol>
<li>You answer one question at a time — how long it’s been, what still ties you together, who reached out.</li>
<li>You get a plan: a few concrete steps, the traps to avoid, and the answers that shaped it.</li>
<li>You keep a private link to come back to. We don’t ask who you are.</li>
</ol>
<p><a href="/quiz">Get my free plan</a></p>
</main>
</body>
</html>`;

export function GET() {
  if (process.env.BENCH_ROUTES !== "1") return new Response("Not found", { status: 404 });
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
