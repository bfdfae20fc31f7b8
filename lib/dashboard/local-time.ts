import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { isWholeHourZone } from "./zone";

// The week (Monday) or month an instant falls in, in the dashboard's zone, as text for grouping.
// The zone goes into the SQL as a literal, not a parameter: PostgreSQL matches a GROUP BY
// expression to the select list by its text, and two parameters are two different expressions.
// It is only ever a zone name checked against the IANA list.
function zoneLiteral(zone: string): SQL {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(zone) || !isWholeHourZone(zone)) throw new Error(`not a dashboard time zone: ${zone}`);
  return sql.raw(`'${zone}'`);
}

export const localWeek = (instant: SQLWrapper, zone: string) => sql<string>`to_char(date_trunc('week', ${instant} at time zone ${zoneLiteral(zone)}), 'YYYY-MM-DD')`;
export const localMonth = (instant: SQLWrapper, zone: string) => sql<string>`to_char(${instant} at time zone ${zoneLiteral(zone)}, 'YYYY-MM')`;
