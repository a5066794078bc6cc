/**
 * What several app servers on one database need from state that used to live
 * in one process (issue #15, "Stateless app servers"):
 * - cached pages: a change that makes them stale is recorded in
 *   cache_invalidations in its own transaction, so every server's page cache
 *   (lib/cache/page-cache-handler.cjs, tests/unit/page-cache-handler.test.ts)
 *   can drop them, not only the server that ran revalidatePath;
 * - sessions: each server remembers decrypted tokens, but the token version
 *   is read from the database on every request, so a sign-out on one server
 *   ends the session on all of them.
 * The two-server harness (bench/two-server.ts) checks both with real servers.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migratePostgres, openPostgres, pgWriteTransaction, type PgDatabase } from "@/db/pg";
import { cacheInvalidations, glossaryTerms } from "@/db/tables";
import { invalidationsSince, pathTag, recordPageInvalidation, KEEP_INVALIDATIONS_MS } from "@/lib/data/cache-invalidations";
import { syncContent } from "@/lib/data/content-sync";
import { createImportDraft, publishImportDraft } from "@/lib/data/imports";
import { currentAuthState } from "@/lib/data/session-token";
import type * as SessionTokenModule from "@/lib/data/session-token";
import { endSessionsOf } from "@/lib/data/users";
import { cachingDecoder } from "@/lib/security/token-cache";
import type { Database } from "@/db/open";
import { createTestDb, realContent } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { createTempPgDatabase, describePg } from "../helpers/pg";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
// The DAL's session comes from the test helper; the version check (currentAuthState) stays real.
vi.mock("@/lib/data/session-token", async (original) => ({
  ...(await original<typeof SessionTokenModule>()),
  auth: async () => (await import("../helpers/session")).currentTestSession(),
}));

const article = fs.readFileSync(path.resolve("tests/fixtures/articles/wire-story.txt"), "utf8");

let db: Database;
beforeAll(async () => {
  db = await createTestDb({ withContent: true });
});

const tags = async () => (await db.select().from(cacheInvalidations)).map((row) => row.tag);

describe("pathTag", () => {
  it("is the tag Next gives revalidatePath", () => {
    expect(pathTag("/lessons/un-vote", "layout")).toBe("_N_T_/lessons/un-vote/layout");
    expect(pathTag("/", "layout")).toBe("_N_T_/layout");
    expect(pathTag("/about/")).toBe("_N_T_/about");
  });
});

describe("content sync", () => {
  it("records one invalidation of every page when the content changed, and none when it didn't", async () => {
    // createTestDb synced the content once: that was a change (from nothing).
    expect(await tags()).toEqual(["_N_T_/layout"]);
    await syncContent(db, realContent());
    expect(await tags()).toEqual(["_N_T_/layout"]);
    const content = realContent();
    const changed = { ...content, glossary: content.glossary.map((term, i) => (i === 0 ? { ...term, definition: `${term.definition} (revised)` } : term)) };
    await syncContent(db, changed);
    expect(await tags()).toEqual(["_N_T_/layout", "_N_T_/layout"]);
    const [term] = await db.select().from(glossaryTerms).where(eq(glossaryTerms.id, content.glossary[0]!.id));
    expect(term?.definition).toMatch(/\(revised\)$/);
    await syncContent(db, content);
    expect(await tags()).toHaveLength(3);
  });
});

describe("publishing an imported lesson", () => {
  it("records the lesson's pages as stale in the publish's own transaction; another teacher's attempt records nothing", async () => {
    const teacher = await seedUser({ role: "teacher" });
    const other = await seedUser({ role: "teacher" });
    signInAs(teacher);
    const { id } = await createImportDraft({ content: article });
    const before = (await tags()).length;

    signInAs(other);
    await expect(publishImportDraft(id)).rejects.toMatchObject({ code: "not_found" });
    expect(await tags()).toHaveLength(before);

    signInAs(teacher);
    const published = await publishImportDraft(id);
    const after = await tags();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toBe(pathTag(`/lessons/${published.lessonId}`, "layout"));
    // What a server's cache reads: rows since a moment before.
    const seen = await invalidationsSince(db, Date.now() - 60_000);
    expect(seen[0]).toMatchObject({ tag: pathTag(`/lessons/${published.lessonId}`, "layout") });
  });
});

describe("sessions on two servers", () => {
  it("a sign-out on one server ends the session on another, though both remember the decrypted token", async () => {
    const user = await seedUser({ role: "student" });
    const secret = "s".repeat(40);
    const salt = "authjs.session-token";
    const token = await encode({ token: { uid: user.id, tv: 0, role: "student", username: user.username }, secret, salt, maxAge: 3600 });
    const serverA = cachingDecoder(decode);
    const serverB = cachingDecoder(decode);
    const onA = await serverA({ token, secret, salt });
    const onB = await serverB({ token, secret, salt });
    expect(await currentAuthState(onA!)).toMatchObject({ username: user.username });
    expect(await currentAuthState(onB!)).toMatchObject({ username: user.username });

    // Signed out through server A: server B's cached payload is the same, but the version no longer matches.
    expect(await endSessionsOf(user.id, 0)).toBe(true);
    const again = await serverB({ token, secret, salt });
    expect(again).toBe(onB);
    expect(await currentAuthState(again!)).toBeNull();
  });
});

describePg("cache invalidations", () => {
  let pg: PgDatabase;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const temp = await createTempPgDatabase();
    drop = temp.drop;
    pg = openPostgres(temp.url, { max: 4 });
    await migratePostgres(pg);
  });
  afterAll(async () => {
    await pg.$client.end();
    await drop();
  });

  it("are recorded with the transaction that made them and read by time; a rolled-back change records nothing; old rows are pruned", async () => {
    const now = Date.now();
    await pgWriteTransaction(pg, (tx) => recordPageInvalidation(tx, "/lessons/a", "layout", new Date(now - KEEP_INVALIDATIONS_MS - 1000)));
    await expect(
      pgWriteTransaction(pg, async (tx) => {
        await recordPageInvalidation(tx, "/lessons/rolled-back", "layout", new Date(now));
        throw new Error("publish failed");
      }),
    ).rejects.toThrow("publish failed");
    await pgWriteTransaction(pg, (tx) => recordPageInvalidation(tx, "/lessons/b", "layout", new Date(now)));
    const rows = await invalidationsSince(pg, 0);
    // The old row was pruned by the newer write; the rolled-back one was never there.
    expect(rows.map((row) => row.tag)).toEqual(["_N_T_/lessons/b/layout"]);
    expect(rows[0]!.at).toBe(now);
    expect(await invalidationsSince(pg, now)).toEqual([]);
  });
});
