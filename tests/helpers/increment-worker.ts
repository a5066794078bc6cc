// A separate process doing read-then-write transactions on a shared database file (tests/integration/database.test.ts).
import { eq } from "drizzle-orm";
import { openDatabase, writeTransaction } from "../../db/open";
import { appMeta } from "../../db/schema";

const [file, countArg] = process.argv.slice(2);
const db = openDatabase(file);
const count = Number(countArg);
for (let i = 0; i < count; i += 1) {
  await writeTransaction(db, async (tx) => {
    const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, "n"));
    await tx.update(appMeta).set({ value: String(Number(row!.value) + 1) }).where(eq(appMeta.key, "n"));
  });
}
db.$client.close();
console.log(`done ${count}`);
