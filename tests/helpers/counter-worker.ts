// A separate process counting on a shared database file (tests/integration/shared-counters.test.ts):
// `take` against one limit, all at once, printing how many were allowed.
import { openDatabase, readerFor } from "../../db/open";
import { take } from "../../lib/data/rate-limits";

const [file, countArg, maxArg, nowArg] = process.argv.slice(2);
const db = readerFor(openDatabase(file));
const limit = { key: "shared:ip:192.0.2.50", max: Number(maxArg), windowMs: 60 * 60 * 1000 };
const waits = await Promise.all(Array.from({ length: Number(countArg) }, () => take(db, [limit], Number(nowArg))));
console.log(`allowed ${waits.filter((wait) => wait === 0).length}`);
