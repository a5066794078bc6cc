/**
 * The arithmetic of `npm run bench:engines` (bench/bench-engines.ts), apart so it can be tested: CPU time of
 * processes read from /proc, and what one core buys from a measure's CPU time and request count.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

export interface CpuSample {
  wallSeconds: number;
  /** CPU seconds (user + system, all threads) the app server processes used during the measure. */
  appSeconds: number;
  /** CPU seconds this configuration's PostgreSQL backends used (0 on SQLite, where the database runs inside the app server). */
  dbSeconds: number;
  /** CPU seconds of this process, which runs the load generator. */
  loadGeneratorSeconds: number;
}

/** utime + stime, in clock ticks, from the text of /proc/<pid>/stat (the command name in brackets may contain spaces). */
export function ticksFromStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12 here.
  return Number(fields[11]) + Number(fields[12]);
}

let ticksPerSecond: number | undefined;

/** CPU seconds used so far by each of these processes; a process that has ended is left out. */
export function cpuSecondsByPid(pids: number[]): Map<number, number> {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      out.set(pid, ticksFromStat(fs.readFileSync(`/proc/${pid}/stat`, "utf8")) / ticksPerSecond);
    } catch {
      // Gone (a pooled backend closed).
    }
  }
  return out;
}

/**
 * CPU seconds used between two readings: a process seen only in the second counts from its start (a backend
 * the pool opened meanwhile); one seen only in the first is left out (the pool closed it: its last part is lost).
 */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, used] of after) seconds += used - (before.get(pid) ?? 0);
  return seconds;
}

export interface PerCore {
  appCpuMsPerRequest: number | null;
  dbCpuMsPerRequest: number | null;
  /** Requests a second one fully busy core of app server would serve: 1000 ms over the app's CPU ms per request. */
  requestsPerAppCore: number | null;
}

/** Per request, from a measure's answered requests and the CPU its processes used meanwhile. */
export function perCore(measure: { ok: number; non2xx: number; cpu: CpuSample }): PerCore {
  const answered = measure.ok + measure.non2xx;
  if (answered === 0) return { appCpuMsPerRequest: null, dbCpuMsPerRequest: null, requestsPerAppCore: null };
  const appMs = (measure.cpu.appSeconds * 1000) / answered;
  const dbMs = (measure.cpu.dbSeconds * 1000) / answered;
  return { appCpuMsPerRequest: Number(appMs.toFixed(2)), dbCpuMsPerRequest: Number(dbMs.toFixed(2)), requestsPerAppCore: appMs > 0 ? Math.round(1000 / appMs) : null };
}
