import { describe, expect, it } from "vitest";
import { cpuSecondsBetween, cpuSecondsByPid, perCore, ticksFromStat } from "../engines-math";

describe("ticksFromStat", () => {
  it("adds utime and stime, even when the command name has spaces and brackets", () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const stat = "4242 (next-server (v16) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 11 0";
    expect(ticksFromStat(stat)).toBe(1801);
  });
});

describe("cpuSecondsByPid", () => {
  it("reads this process's own CPU time and leaves out a pid that does not exist", () => {
    const start = performance.now();
    while (performance.now() - start < 150) Math.sqrt(Math.random());
    const read = cpuSecondsByPid([process.pid, 2 ** 30]);
    expect(read.get(process.pid)).toBeGreaterThan(0.1);
    expect(read.has(2 ** 30)).toBe(false);
  });
});

describe("cpuSecondsBetween", () => {
  it("counts a process that appeared from its start and leaves out one that ended, so the total never goes negative", () => {
    const before = new Map([[1, 10], [2, 5]]);
    const after = new Map([[1, 12.5], [3, 0.75]]);
    expect(cpuSecondsBetween(before, after)).toBe(3.25);
  });
});

describe("perCore", () => {
  it("turns CPU seconds over answered requests into ms per request and requests per core", () => {
    const result = perCore({ ok: 790, non2xx: 10, cpu: { wallSeconds: 8, appSeconds: 4, dbSeconds: 2, loadGeneratorSeconds: 1 } });
    expect(result).toEqual({ appCpuMsPerRequest: 5, dbCpuMsPerRequest: 2.5, requestsPerAppCore: 200 });
  });
  it("has nothing to say about a measure with no answered request", () => {
    expect(perCore({ ok: 0, non2xx: 0, cpu: { wallSeconds: 8, appSeconds: 1, dbSeconds: 0, loadGeneratorSeconds: 0 } }).requestsPerAppCore).toBeNull();
  });
});
