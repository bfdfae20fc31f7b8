import { dashboardCsvResponse } from "@/lib/dashboard/csv-route";
import { route } from "@/lib/http/route";

// The dashboard's money tables as CSV, for admins only.
export const GET = route("GET /coach/export/money", (request: Request) => dashboardCsvResponse(request, true));
