import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/open";
import { lessons, questions, questionVersions, reviewCards } from "@/db/tables";
import { evidenceAnchors } from "@/lib/content/schema";
import { checkQuestion, getAttemptResults, startOrResumeAttempt, submitAttempt } from "@/lib/data/attempts";
import { submitReview } from "@/lib/data/review";
import { getTeacherGuide } from "@/lib/data/teacher-guides";
import { describeKey } from "@/lib/quiz/describe";
import { splitQuestion } from "@/lib/content/split";
import type { Answer } from "@/lib/quiz/types";
import { keyedQuestions, perfectAnswer, type KeyedQuestion } from "../helpers/answers";
import { createTestDb, realContent } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs, signOutTestUser } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const content = realContent();
const contentQuestion = (id: string) => content.quizzes.flatMap((q) => q.questions).find((q) => q.id === id)!;

let db: Database;
let sanctions: KeyedQuestion[];

beforeAll(async () => {
  db = await createTestDb({ withContent: true });
  sanctions = await keyedQuestions(db, "sanctions-quiz");
});

beforeEach(() => signOutTestUser());

const hrefs = (links: { href: string }[]) => links.map((l) => l.href);

describe("questions that cite several paragraphs", () => {
  it("sync stores every anchor of a multi-anchor question, and keeps one-anchor questions' hash as before", async () => {
    const [multi] = await db
      .select({ evidence: questionVersions.evidence, anchors: questionVersions.evidenceAnchors })
      .from(questions)
      .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
      .where(eq(questions.id, "sanc-q10"));
    expect(multi).toEqual({ evidence: "p10", anchors: ["p10", "p11", "p12"] });

    const single = contentQuestion("sanc-q15");
    const [stored] = await db
      .select({ evidence: questionVersions.evidence, anchors: questionVersions.evidenceAnchors, hash: questionVersions.contentHash })
      .from(questions)
      .innerJoin(questionVersions, eq(questionVersions.id, questions.currentVersionId))
      .where(eq(questions.id, "sanc-q15"));
    const { publicData, keyData } = splitQuestion(single);
    // The formula from before anchor lists: a one-anchor question must not get a new version just because lists exist.
    const oldHash = createHash("sha256").update(JSON.stringify({ publicData, keyData, evidence: single.evidence })).digest("hex").slice(0, 32);
    expect(stored).toEqual({ evidence: "p19", anchors: null, hash: oldHash });
  });

  it("the results page lists every cited paragraph as its own link, at the student's level", async () => {
    signInAs(await seedUser({ role: "learner" }));
    const answers: Record<string, Answer> = Object.fromEntries(sanctions.map((q) => [q.questionId, perfectAnswer(q.key)]));
    const { attemptId } = await startOrResumeAttempt({ quizId: "sanctions-quiz", mode: "test" });
    await submitAttempt(attemptId, answers);
    const results = await getAttemptResults(attemptId);
    const byId = new Map(results.questions.map((q) => [q.questionId, q]));
    expect(byId.get("sanc-q10")!.evidence).toEqual([
      { anchor: "p10", href: "/lessons/sanctions?level=2#p10", label: "paragraph 10" },
      { anchor: "p11", href: "/lessons/sanctions?level=2#p11", label: "paragraph 11" },
      { anchor: "p12", href: "/lessons/sanctions?level=2#p12", label: "paragraph 12" },
    ]);
    expect(hrefs(byId.get("sanc-q03")!.evidence)).toEqual(["/lessons/sanctions?level=2#p2", "/lessons/sanctions?level=2#p3"]);
    expect(hrefs(byId.get("sanc-q15")!.evidence)).toEqual(["/lessons/sanctions?level=2#p19"]);
    // Every question shows exactly the anchors its content cites.
    for (const question of results.questions) {
      expect(question.evidence.map((l) => l.anchor), question.questionId).toEqual(evidenceAnchors(contentQuestion(question.questionId).evidence));
    }
  });

  it("practice feedback and review cards show every anchor too", async () => {
    const user = await seedUser({ role: "learner" });
    signInAs(user);
    const ordering = sanctions.find((q) => q.questionId === "sanc-q10")!;
    const { attemptId } = await startOrResumeAttempt({ quizId: "sanctions-quiz", mode: "practice" });
    const checked = await checkQuestion(attemptId, "sanc-q10", perfectAnswer(ordering.key));
    expect(checked.evidence.map((l) => l.anchor)).toEqual(["p10", "p11", "p12"]);

    await submitAttempt(attemptId, { "sanc-q10": perfectAnswer(ordering.key) });
    const [card] = await db.select().from(reviewCards).where(and(eq(reviewCards.userId, user.id), eq(reviewCards.questionId, "sanc-q10")));
    const [current] = await db.select({ versionId: questions.currentVersionId }).from(questions).where(eq(questions.id, "sanc-q10"));
    const outcome = await submitReview({ questionId: "sanc-q10", versionId: current!.versionId!, dueToken: card!.due.getTime(), answer: perfectAnswer(ordering.key) }, new Date(card!.due.getTime() + 1000));
    expect(outcome.evidence.map((l) => l.anchor)).toEqual(["p10", "p11", "p12"]);
  });
});

describe("teacher's guide", () => {
  it("gives a teacher the authored plan and an answer key built from the quiz's current versions", async () => {
    signInAs(await seedUser({ role: "teacher" }));
    const view = await getTeacherGuide("thaad");
    expect(view.guide?.plan.map((step) => step.minutes).reduce((a, b) => a + b)).toBe(45);
    const quiz = await keyedQuestions(db, "thaad-quiz");
    expect(view.answerKey.map((item) => item.questionId)).toEqual(quiz.map((q) => q.questionId));
    for (const [index, item] of view.answerKey.entries()) {
      expect(item.number).toBe(index + 1);
      expect(item.answerLines).toEqual(describeKey(quiz[index]!.data, quiz[index]!.key));
      expect(item.explanation).toBe(contentQuestion(item.questionId).explanation);
    }
    expect(view.answerKey.find((item) => item.questionId === "thaad-q07")!.evidence.map((l) => l.anchor)).toEqual(["p5", "p6", "p7", "p8", "p9"]);
    // Misconceptions point at quiz questions by number and quote their wrong-answer feedback.
    const launchers = view.misconceptions.find((m) => m.questions.some((q) => q.questionId === "thaad-q08"))!;
    const q08 = launchers.questions.find((q) => q.questionId === "thaad-q08")!;
    expect(q08.number).toBe(view.answerKey.findIndex((item) => item.questionId === "thaad-q08") + 1);
    const authored = contentQuestion("thaad-q08");
    if (authored.type !== "single") throw new Error("thaad-q08 should be a single-choice question");
    // Exactly the feedback of the wrong choices, none for the right one.
    expect(q08.feedback).toEqual(authored.choices.filter((c) => c.id !== authored.answer && c.feedback).map((c) => ({ answer: c.text, feedback: c.feedback })));
  });

  it("is not found for students, self-learners and guests, even for a lesson they can read", async () => {
    for (const role of ["student", "learner"] as const) {
      signInAs(await seedUser({ role }));
      await expect(getTeacherGuide("thaad")).rejects.toMatchObject({ code: "not_found" });
    }
    signOutTestUser();
    await expect(getTeacherGuide("thaad")).rejects.toMatchObject({ code: "not_found" });
  });

  it("is not found for a lesson the teacher cannot see, and the guide never travels with the lesson row's meta", async () => {
    signInAs(await seedUser({ role: "teacher" }));
    await expect(getTeacherGuide("no-such-lesson")).rejects.toMatchObject({ code: "not_found" });
    const [row] = await db.select({ meta: lessons.meta, guide: lessons.teacherGuide }).from(lessons).where(eq(lessons.id, "thaad"));
    expect(row!.guide).not.toBeNull();
    expect(JSON.stringify(row!.meta)).not.toContain("misconceptions");
  });
});
