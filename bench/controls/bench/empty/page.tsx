// The JavaScript control: a page of the same build with nothing of its own, so
// it loads exactly what every page loads (framework, root layout).
import { notFound } from "next/navigation";
import { connection } from "next/server";

export default async function EmptyControlPage() {
  await connection(); // per request, so BENCH_ROUTES is read at run time
  if (process.env.BENCH_ROUTES !== "1") notFound();
  return <h1 className="sr-only">Empty control page</h1>;
}
