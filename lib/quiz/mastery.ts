/**
 * Mastery per topic and per skill, derived from a student's recent graded
 * responses. Pure: the data layer passes in the responses, newest first.
 *
 * For each topic (and each skill), take the most recent {@link RECENT_WINDOW}
 * responses tagged with it; `average` is their mean credit.
 *
 * | level        | rule                                              |
 * |--------------|---------------------------------------------------|
 * | Not started  | no graded responses                               |
 * | Attempted    | average below 0.6                                 |
 * | Familiar     | average 0.6 to below 0.8                          |
 * | Proficient   | average 0.8 or more (but not yet Mastered)        |
 * | Mastered     | average 0.9 or more over at least 5 responses     |
 *
 * Only recent responses count, so a student who improves moves up and one
 * who slips moves down; "Mastered" needs enough evidence, not one lucky answer.
 */
export const MASTERY_LEVELS = ["Not started", "Attempted", "Familiar", "Proficient", "Mastered"] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

export const RECENT_WINDOW = 10;
export const MASTERED_MIN_RESPONSES = 5;

export interface GradedResponse {
  topicId: string;
  skills: readonly string[];
  credit: number;
}

export interface MasteryEntry {
  id: string;
  /** Responses counted (at most RECENT_WINDOW). */
  count: number;
  /** Mean credit of the counted responses, 0..1 (0 when none). */
  average: number;
  level: MasteryLevel;
  /** Position of `level` in MASTERY_LEVELS, for charts. */
  levelIndex: number;
}

export function masteryLevel(count: number, average: number): MasteryLevel {
  if (count === 0) return "Not started";
  if (average >= 0.9 && count >= MASTERED_MIN_RESPONSES) return "Mastered";
  if (average >= 0.8) return "Proficient";
  if (average >= 0.6) return "Familiar";
  return "Attempted";
}

function entry(id: string, credits: readonly number[]): MasteryEntry {
  const recent = credits.slice(0, RECENT_WINDOW);
  const average = recent.length ? recent.reduce((sum, credit) => sum + credit, 0) / recent.length : 0;
  const rounded = Math.round(average * 1000) / 1000;
  const level = masteryLevel(recent.length, rounded);
  return { id, count: recent.length, average: rounded, level, levelIndex: MASTERY_LEVELS.indexOf(level) };
}

/**
 * @param newestFirst graded responses, most recent first
 * @param topicIds topics to report even without responses (in this order)
 * @param skillIds skills to report even without responses (in this order)
 */
export function computeMastery(newestFirst: readonly GradedResponse[], topicIds: readonly string[], skillIds: readonly string[]): { topics: MasteryEntry[]; skills: MasteryEntry[] } {
  const byTopic = new Map<string, number[]>(topicIds.map((id) => [id, []]));
  const bySkill = new Map<string, number[]>(skillIds.map((id) => [id, []]));
  for (const response of newestFirst) {
    if (!byTopic.has(response.topicId)) byTopic.set(response.topicId, []);
    byTopic.get(response.topicId)!.push(response.credit);
    for (const skill of new Set(response.skills)) {
      if (!bySkill.has(skill)) bySkill.set(skill, []);
      bySkill.get(skill)!.push(response.credit);
    }
  }
  return {
    topics: [...byTopic].map(([id, credits]) => entry(id, credits)),
    skills: [...bySkill].map(([id, credits]) => entry(id, credits)),
  };
}

export interface TimedGradedResponse extends GradedResponse {
  answeredAt: Date;
}

/** Each topic's mastery at the end of one day with graded answers. */
export interface MasterySnapshot {
  /** The UTC calendar day, YYYY-MM-DD. */
  day: string;
  topics: MasteryEntry[];
}

/** Snapshots kept for the progress chart: the most recent days with activity. */
export const HISTORY_DAYS = 30;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Topic mastery over time: for every day on which the student answered
 * something (the last {@link HISTORY_DAYS} of them), each topic's mastery
 * computed from the answers up to the end of that day, by the same rules as
 * {@link computeMastery}. The last snapshot therefore equals today's mastery.
 * Days without answers are skipped: nothing changed on them.
 *
 * @param newestFirst graded responses, most recent first (as computeMastery takes them)
 */
export function masteryHistory(newestFirst: readonly TimedGradedResponse[], topicIds: readonly string[], maxDays = HISTORY_DAYS): MasterySnapshot[] {
  const withDays = newestFirst.map((response) => ({ response, day: utcDay(response.answeredAt) }));
  const days = [...new Set(withDays.map((entry) => entry.day))].sort().slice(-maxDays);
  return days.map((day) => ({
    day,
    topics: computeMastery(
      withDays.filter((entry) => entry.day <= day).map((entry) => entry.response),
      topicIds,
      [],
    ).topics,
  }));
}
