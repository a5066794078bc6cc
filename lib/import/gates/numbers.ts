/** Number gates: choices must be clearly different values; number questions only from central sentences. */

/** Two values a student could both defend: within 10 % of each other, or equal once rounded ("26.6" and "27"). */
export function nearEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const larger = Math.max(Math.abs(a), Math.abs(b));
  if (larger === 0) return true;
  if (Math.abs(a - b) / larger < 0.1) return true;
  return Math.round(a) === Math.round(b);
}

/** A reason to reject a set of numeric choices, or undefined when every pair is clearly apart. */
export function numberChoicesProblem(values: number[]): string | undefined {
  for (let i = 0; i < values.length; i += 1) {
    for (let j = i + 1; j < values.length; j += 1) {
      if (nearEqual(values[i]!, values[j]!)) return `choices ${values[i]} and ${values[j]} are near-equal`;
    }
  }
  return undefined;
}

/** Numbers are asked about only in sentences at least as central as the median eligible sentence. */
export function centralityProblem(score: number, threshold: number): string | undefined {
  return score < threshold ? `the sentence is not central (score ${score} < ${threshold})` : undefined;
}
