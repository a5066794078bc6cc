import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { lessonLevels, lessons, readingProgress } from "@/db/tables";
import { gradeLessonCheck, getLessonForReading } from "@/lib/data/lessons";
import { getOwnReadingProgress, listOwnReadingProgress, saveOwnReadingProgress, setOwnReadingLevel } from "@/lib/data/reading-progress";
import { saveReadingProgressAction, answerCheckAction } from "@/app/lessons/[slug]/actions";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";
import type { Database } from "@/db/open";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const LEVELED = "who-is-responsible";
const SINGLE_LEVEL = "sanctions";

let db: Database;

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
});

beforeEach(() => signOutTestUser());

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

describe("getLessonForReading", () => {
  it("gives guests level 2 by default, with every level listed and the same anchors at each level", async () => {
    const lesson = await getLessonForReading(LEVELED);
    expect(lesson?.level).toBe(2);
    expect(lesson?.levelSource).toBe("default");
    expect(lesson?.levels.map((l) => `${l.label} · ${l.grades}`)).toEqual(["Level 1 · grades 6–7", "Level 2 · grades 9–10", "Level 3 · grades 11–12"]);
    const levelOne = await getLessonForReading(LEVELED, 1);
    const anchors = (body: NonNullable<typeof lesson>["body"]) => body.sections.flatMap((s) => s.paragraphs.map((p) => p.anchor));
    expect(anchors(levelOne!.body)).toEqual(anchors(lesson!.body));
    expect(levelOne!.body.sections[0]!.paragraphs[0]!.plain).not.toEqual(lesson!.body.sections[0]!.paragraphs[0]!.plain);
  });

  it("falls back to the nearest level the lesson has and says so", async () => {
    const lesson = await getLessonForReading(SINGLE_LEVEL, 3);
    expect(lesson?.level).toBe(2);
    expect(lesson?.levelFellBack).toBe(true);
    const exact = await getLessonForReading(LEVELED, 3);
    expect(exact?.level).toBe(3);
    expect(exact?.levelFellBack).toBe(false);
  });

  it("uses a signed-in reader's remembered level unless the URL names one", async () => {
    const reader = await seedUser();
    signInAs(reader);
    await setOwnReadingLevel(1);
    expect((await getLessonForReading(LEVELED))?.level).toBe(1);
    expect((await getLessonForReading(LEVELED))?.levelSource).toBe("preference");
    expect((await getLessonForReading(LEVELED, 3))?.level).toBe(3);
    // Another reader's preference is theirs alone.
    signInAs(await seedUser());
    expect((await getLessonForReading(LEVELED))?.level).toBe(2);
  });

  it("never sends check answers or feedback, and resolves glossary, timeline and actors", async () => {
    const lesson = await getLessonForReading(LEVELED);
    expect(lesson!.checks.length).toBeGreaterThan(0);
    for (const check of lesson!.checks) expect(Object.keys(check).sort()).toEqual(["after", "choices", "id", "prompt"]);
    expect(JSON.stringify(lesson)).not.toContain("feedback");
    expect(lesson!.glossary["primary-responsibility"]?.definition).toBeTruthy();
    const dates = lesson!.timeline.map((event) => event.date);
    expect(dates).toEqual([...dates].sort());
    expect(lesson!.actors.map((a) => a.kind)).toContain("country");
  });

  it("hides missing, retired and other teachers' private lessons", async () => {
    expect(await getLessonForReading("no-such-lesson")).toBeNull();
    const owner = await seedUser({ role: "teacher" });
    await db.insert(lessons).values({ id: "private-reading-test", title: "Private", summary: "s", topicId: "article", asOf: "2017-07-31", meta: {}, contentHash: "x", origin: "imported", ownerId: owner.id });
    await db.insert(lessonLevels).values({ lessonId: "private-reading-test", level: 2, body: { sections: [{ id: "s-a", heading: "A", paragraphs: [{ anchor: "p1", inline: [{ kind: "text", text: "Hi" }], plain: "Hi" }] }] }, wordCount: 1, gradeEstimate: 9 });
    expect(await getLessonForReading("private-reading-test")).toBeNull();
    signInAs(await seedUser({ role: "teacher" }));
    expect(await getLessonForReading("private-reading-test")).toBeNull();
    signInAs(owner);
    expect((await getLessonForReading("private-reading-test"))?.title).toBe("Private");
  });
});

describe("gradeLessonCheck", () => {
  it("says right or wrong, explains only once right, and always points to the evidence", async () => {
    const wrong = await gradeLessonCheck({ lessonId: LEVELED, checkId: "check-1", choice: 0 });
    expect(wrong).toEqual({ checkId: "check-1", correct: false, feedback: null, evidenceAnchor: "p1" });
    const right = await gradeLessonCheck({ lessonId: LEVELED, checkId: "check-1", choice: 1 });
    expect(right.correct).toBe(true);
    expect(right.feedback).toMatch(/Washington and Pyongyang/);
  });

  it("rejects unknown checks and choices with clear messages", async () => {
    await expect(gradeLessonCheck({ lessonId: LEVELED, checkId: "check-99", choice: 0 })).rejects.toThrow("That question isn't part of this lesson.");
    await expect(gradeLessonCheck({ lessonId: LEVELED, checkId: "check-1", choice: 7 })).rejects.toThrow("Pick one of the answers shown.");
    await expect(gradeLessonCheck({ lessonId: "nope", checkId: "check-1", choice: 0 })).rejects.toThrow("We couldn't find that lesson.");
  });

  it("works for guests through the public action and validates the form", async () => {
    const ok = await answerCheckAction({ status: "idle" }, form({ lessonId: LEVELED, checkId: "check-2", choice: "0" }));
    expect(ok).toMatchObject({ status: "ok", data: { correct: true, evidenceAnchor: "p4" } });
    const missing = await answerCheckAction({ status: "idle" }, form({ lessonId: LEVELED, checkId: "check-2" }));
    expect(missing).toMatchObject({ status: "invalid", fieldErrors: { choice: ["Pick an answer first."] } });
  });
});

describe("reading progress", () => {
  it("accumulates sections, moves the last anchor and completes once every section is read", async () => {
    const reader = await seedUser();
    signInAs(reader);
    await saveOwnReadingProgress({ lessonId: LEVELED, level: 2, sectionIds: ["s-the-news"], lastAnchor: "p3" });
    await saveOwnReadingProgress({ lessonId: LEVELED, level: 1, sectionIds: ["s-us-pressure", "s-the-news"], lastAnchor: "p7" });
    const partial = await getOwnReadingProgress(LEVELED);
    expect(partial).toMatchObject({ level: 1, sectionsRead: ["s-the-news", "s-us-pressure"], lastAnchor: "p7", completedAt: null });

    const done = await saveOwnReadingProgress({ lessonId: LEVELED, level: 1, sectionIds: ["s-china-answer", "s-china-plan", "s-sanctions"], lastAnchor: "p19" });
    expect(done.completedAt).toBeInstanceOf(Date);
    // Saving again (a double submit, a reread) keeps the first completion time.
    const again = await saveOwnReadingProgress({ lessonId: LEVELED, level: 1, sectionIds: ["s-sanctions"] });
    expect(again.completedAt).toEqual(done.completedAt);
    expect(again.lastAnchor).toBe("p19");
  });

  it("is saved only for the caller: another reader neither sees nor changes it", async () => {
    const alice = await seedUser();
    const bob = await seedUser();
    signInAs(alice);
    await saveOwnReadingProgress({ lessonId: LEVELED, level: 2, sectionIds: ["s-the-news"], lastAnchor: "p2" });
    signInAs(bob);
    expect(await getOwnReadingProgress(LEVELED)).toBeNull();
    expect(await listOwnReadingProgress()).toEqual([]);
    await saveOwnReadingProgress({ lessonId: LEVELED, level: 3, sectionIds: ["s-sanctions"], lastAnchor: "p18" });
    const rows = await db.select().from(readingProgress).where(eq(readingProgress.userId, alice.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ level: 2, sectionsRead: ["s-the-news"], lastAnchor: "p2" });
  });

  it("rejects unknown lessons, levels, sections and anchors with clear errors", async () => {
    signInAs(await seedUser());
    await expect(saveOwnReadingProgress({ lessonId: "no-such-lesson", level: 2, sectionIds: [] })).rejects.toThrow("We couldn't find that lesson.");
    await expect(saveOwnReadingProgress({ lessonId: SINGLE_LEVEL, level: 1, sectionIds: [] })).rejects.toThrow("This lesson has no level 1.");
    await expect(saveOwnReadingProgress({ lessonId: LEVELED, level: 2, sectionIds: ["s-made-up"] })).rejects.toThrow('This lesson has no section "s-made-up".');
    await expect(saveOwnReadingProgress({ lessonId: LEVELED, level: 2, sectionIds: [], lastAnchor: "p999" })).rejects.toThrow('This lesson has no paragraph "p999".');
  });

  it("needs a signed-in reader; the action reports problems instead of throwing", async () => {
    await expect(saveOwnReadingProgress({ lessonId: LEVELED, level: 2, sectionIds: [] })).rejects.toThrow("Please sign in first.");
    expect(await saveReadingProgressAction({ status: "idle" }, form({ lessonId: LEVELED, level: "2", sectionIds: "s-the-news" }))).toMatchObject({ status: "error", message: "Please sign in first." });
    signInAs(await seedUser());
    expect(await saveReadingProgressAction({ status: "idle" }, form({ lessonId: LEVELED, level: "7" }))).toMatchObject({ status: "invalid", fieldErrors: { level: ["Reading levels go from 1 to 3."] } });
    expect(await saveReadingProgressAction({ status: "idle" }, form({ lessonId: LEVELED, level: "2", sectionIds: ["s-the-news", "s-us-pressure"], lastAnchor: "p5" }))).toMatchObject({
      status: "ok",
      data: { sectionsRead: ["s-the-news", "s-us-pressure"], totalSections: 5, completed: false },
    });
  });
});
