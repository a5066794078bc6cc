/**
 * The tables the data-access layer queries, from the engine DATABASE_URL
 * chose (lib/env.ts databaseEngine): db/schema.pg.ts on PostgreSQL, db/schema.ts
 * otherwise. Decided once, when this module loads.
 *
 * Both are typed as the SQLite tables, so lib/data has one type per table and
 * one `Database` type whichever engine runs: the two schemas are column for
 * column the same (tests/integration/schema-parity.test.ts) and decode to the
 * same JavaScript values (Date, boolean, parsed JSON), and Drizzle's query
 * builders (select, insert, update, delete, returning, onConflict…) build the
 * right SQL from the table they are given. What differs by engine is raw SQL;
 * see docs/ARCHITECTURE.md "PostgreSQL".
 */
import { databaseEngine } from "../lib/env";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema";

const chosen = (databaseEngine() === "postgres" ? pgSchema : sqliteSchema) as unknown as typeof sqliteSchema;

export const users = chosen.users;
export const loginThrottles = chosen.loginThrottles;
export const userPreferences = chosen.userPreferences;
export const topics = chosen.topics;
export const lessons = chosen.lessons;
export const lessonLevels = chosen.lessonLevels;
export const glossaryTerms = chosen.glossaryTerms;
export const timelineEvents = chosen.timelineEvents;
export const actors = chosen.actors;
export const quizzes = chosen.quizzes;
export const questions = chosen.questions;
export const questionVersions = chosen.questionVersions;
export const classes = chosen.classes;
export const classMembers = chosen.classMembers;
export const assignments = chosen.assignments;
export const attempts = chosen.attempts;
export const responses = chosen.responses;
export const readingProgress = chosen.readingProgress;
export const reviewCards = chosen.reviewCards;
export const reviewLogs = chosen.reviewLogs;
export const guestMerges = chosen.guestMerges;
export const importDrafts = chosen.importDrafts;
export const auditLog = chosen.auditLog;
export const appMeta = chosen.appMeta;
export const cacheInvalidations = chosen.cacheInvalidations;

export { AUDIT_ACTIONS, LESSON_ORIGINS, RESPONSE_OUTCOMES } from "./schema";
export type { Attempt, AuditAction, Lesson, NewUser, QuestionVersion, User } from "./schema";
