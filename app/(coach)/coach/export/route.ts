import { dashboardCsvResponse } from "@/lib/dashboard/csv-route";
import { route } from "@/lib/http/route";

// The dashboard's tables as CSV, for coaches (funnel, care, newsletter).
export const GET = route("GET /coach/export", (request: Request) => dashboardCsvResponse(request, false));
