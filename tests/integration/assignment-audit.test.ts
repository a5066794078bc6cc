// Issue 20, audit log: creating, removing and restoring an assignment changes what counts toward students' grades,
// so each is logged in the same transaction, visible on the class's Activity page and to its teacher only.
import { beforeEach, expect, it, vi } from "vitest";
import { listClassAuditLog } from "@/lib/data/audit";
import { createAssignment, deleteAssignment, restoreAssignment } from "@/lib/data/assignments";
import { createClass } from "@/lib/data/classes";
import { createTestDb } from "../helpers/db";
import { seedUser } from "../helpers/factories";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/config", () => import("../helpers/auth-config-mock"));
vi.mock("@/lib/data/session-token", () => import("../helpers/session-token-mock"));

const LESSON_ID = "who-is-responsible";

beforeEach(async () => {
  await createTestDb({ withContent: true });
});

it("logs who created, removed and restored an assignment, newest first", async () => {
  const teacher = await seedUser({ role: "teacher" });
  signInAs(teacher);
  const { id: classId } = await createClass("Period 4");
  const { id: assignmentId } = await createAssignment({ classId, lessonId: LESSON_ID, includeLesson: true, includeQuiz: true, dueAt: null, quizMode: "test" });
  await deleteAssignment(classId, assignmentId);
  await restoreAssignment(classId, assignmentId);
  const log = await listClassAuditLog(classId);
  const assignmentEntries = log.filter((entry) => entry.action.startsWith("assignment."));
  expect(assignmentEntries.map((entry) => entry.action)).toEqual(["assignment.restored", "assignment.removed", "assignment.created"]);
  for (const entry of assignmentEntries) {
    expect(entry.actorName).toBe(teacher.displayName);
    expect(entry.detail?.assignmentId).toBe(assignmentId);
  }
});

it("writes nothing when the change is refused", async () => {
  signInAs(await seedUser({ role: "teacher" }));
  const { id: classId } = await createClass("Period 5");
  await expect(createAssignment({ classId, lessonId: LESSON_ID, includeLesson: true, includeQuiz: true, dueAt: new Date(Date.now() - 60_000), quizMode: "test" })).rejects.toThrow(/already passed/);
  await expect(deleteAssignment(classId, "no-such-assignment")).rejects.toThrow();
  expect((await listClassAuditLog(classId)).filter((entry) => entry.action.startsWith("assignment."))).toEqual([]);
});

it("another teacher can't read a class's log", async () => {
  signInAs(await seedUser({ role: "teacher" }));
  const { id: classId } = await createClass("Period 6");
  await createAssignment({ classId, lessonId: LESSON_ID, includeLesson: true, includeQuiz: false, dueAt: null, quizMode: "practice" });
  signInAs(await seedUser({ role: "teacher" }));
  await expect(listClassAuditLog(classId)).rejects.toThrow();
});
