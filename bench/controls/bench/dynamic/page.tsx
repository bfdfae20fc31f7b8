// The throughput control: a page rendered per request under the same root
// layout as every page, touching no database — the cost of rendering at all.
import { notFound } from "next/navigation";
import { connection } from "next/server";

export default async function DynamicControlPage() {
  await connection();
  if (process.env.BENCH_ROUTES !== "1") notFound();
  return (
    <div className="space-y-4">
      <h1 className="font-serif text-3xl font-semibold">Trivial dynamic page</h1>
      <p>Rendered at {new Date().toISOString()}.</p>
    </div>
  );
}
