"use client";

import { useSyncExternalStore } from "react";
import { formatInZone, type DateStyle } from "@/lib/dates";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A date in the viewer's time zone, with its label ("Fri, Dec 4, 3:00 PM PST").
 * The server doesn't know the viewer's zone, so the first render uses `zone`
 * (the teacher's, stored with the assignment; UTC when unknown) and the
 * browser re-renders it in its own.
 */
export function LocalTime({ date, zone, style = "dateTime" }: { date: Date | string; zone?: string | null; style?: DateStyle }) {
  const viewerZone = useSyncExternalStore(noSubscription, browserZone, () => null);
  const value = typeof date === "string" ? new Date(date) : date;
  return <time dateTime={value.toISOString()}>{formatInZone(value, viewerZone ?? zone, style)}</time>;
}
