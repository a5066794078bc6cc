/**
 * Dates shown to people: always in a named time zone, always with its label
 * ("Fri, Dec 4, 3:00 PM PST"), never in whatever zone the server runs in.
 * Client-safe (no server imports).
 */
import { TZDate } from "@date-fns/tz";

/** True for an IANA zone name this runtime knows ("America/Los_Angeles", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type DateStyle = "dateTime" | "date" | "short";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
  date: { weekday: "short", month: "short", day: "numeric" },
  short: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" },
};

/** `date` in `timeZone` (UTC when unknown), with the zone's short label for times. */
export function formatInZone(date: Date, timeZone: string | null | undefined, style: DateStyle = "dateTime"): string {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : "UTC";
  return new Intl.DateTimeFormat("en-US", { ...OPTIONS[style], timeZone: zone }).format(date);
}

/** "2026-12-04T15:00" as wall-clock time in `timeZone` → the instant (DST-correct for that date, not today's offset). */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, timeZone).getTime());
}
