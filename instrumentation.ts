// Runs once when the server starts. Node-only work lives in its own module so
// the edge bundle never sees PGlite or postgres.js.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/startup");
    await startServer();
  }
}
