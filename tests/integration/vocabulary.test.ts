import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { glossaryTerms, lessons, readingProgress } from "@/db/tables";
import { getVocabularyDeck } from "@/lib/data/vocabulary";
import type { Database } from "@/db/open";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

let db: Database;
let owner: Awaited<ReturnType<typeof seedUser>>;

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  owner = await seedUser({ role: "teacher" });
  // A teacher's private lesson whose only key word appears nowhere else.
  const [sanctions] = await db.select().from(lessons).where(eq(lessons.id, "sanctions"));
  await db.insert(glossaryTerms).values({ id: "private-word", term: "private word", definition: "Only the owner's readers should see this.", aliases: [] });
  await db.insert(lessons).values({ ...sanctions!, id: "private-lesson", title: "Private lesson", ownerId: owner.id, meta: { ...sanctions!.meta, vocabulary: ["private-word"] } });
});

beforeEach(() => signOutTestUser());

describe("getVocabularyDeck", () => {
  it("guests get the key words of every public lesson with the lessons that teach them, and no read list (the browser has it)", async () => {
    const deck = await getVocabularyDeck();
    expect(deck.readLessonIds).toBeNull();
    const veto = deck.terms.find((t) => t.key === "veto");
    expect(veto).toMatchObject({ term: expect.any(String), definition: expect.any(String) });
    expect(veto!.lessons.map((l) => l.id)).toContain("sanctions");
    expect(deck.lessons.map((l) => l.id)).toEqual(expect.arrayContaining(["sanctions", "thaad"]));
    expect(JSON.stringify(deck)).not.toContain("private");
    // Each glossary word once, however many lessons teach it.
    expect(new Set(deck.terms.map((t) => t.key)).size).toBe(deck.terms.length);
  });

  it("a signed-in reader's read list is their own reading progress, only of lessons they may open", async () => {
    const learner = await seedUser({ role: "learner" });
    const other = await seedUser({ role: "learner" });
    await db.insert(readingProgress).values({ userId: learner.id, lessonId: "thaad", level: 2, sectionsRead: [], updatedAt: new Date() });
    await db.insert(readingProgress).values({ userId: other.id, lessonId: "sanctions", level: 2, sectionsRead: [], updatedAt: new Date() });
    signInAs(learner);
    const deck = await getVocabularyDeck();
    expect(deck.readLessonIds).toEqual(["thaad"]);
    expect(JSON.stringify(deck)).not.toContain("private");

    signInAs(owner);
    const mine = await getVocabularyDeck();
    expect(mine.readLessonIds).toEqual([]);
    expect(mine.terms.find((t) => t.key === "private-word")?.lessons).toEqual([{ id: "private-lesson", title: "Private lesson" }]);
  });
});
