/**
 * Readable one-time passwords for teacher-created student accounts
 * ("maple-orbit-47"): easy to copy from a printed sheet, and only valid until
 * the student sets their own (must_change_password). 92 words × 92 words × 90
 * numbers = 761,760 passwords, about 2^19.5 guesses: weak on its own, so
 * sign-in throttling (lib/data/sign-in-throttle.ts) and the forced change are
 * what protect it.
 */
import { randomInt } from "node:crypto";

const WORDS = [
  "amber", "anchor", "apple", "arrow", "aspen", "badge", "basil", "beacon", "birch", "bison", "bloom", "breeze", "brook", "cabin", "canyon", "cedar",
  "cinder", "clover", "comet", "coral", "crane", "creek", "delta", "dune", "eagle", "ember", "fern", "field", "flint", "forest", "fox", "garnet",
  "glade", "granite", "harbor", "hazel", "heron", "island", "ivory", "jade", "juniper", "kelp", "lagoon", "lantern", "lark", "lemon", "lilac", "linen",
  "maple", "marble", "meadow", "mesa", "mint", "moss", "nectar", "north", "oak", "ocean", "olive", "orbit", "otter", "pebble", "pine", "planet",
  "prairie", "quartz", "quill", "raven", "reef", "ridge", "river", "robin", "saffron", "sage", "sierra", "silver", "sparrow", "spruce", "summit", "tide",
  "timber", "topaz", "tulip", "valley", "velvet", "violet", "walnut", "willow", "winter", "wren", "yarrow", "zephyr",
];

export function generateOneTimePassword(): string {
  const pick = () => WORDS[randomInt(WORDS.length)]!;
  return `${pick()}-${pick()}-${randomInt(10, 100)}`;
}
