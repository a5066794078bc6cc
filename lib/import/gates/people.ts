/**
 * People gates: where a person is asked for, every choice is a person of the article (never a nationality,
 * disease or organization), each person appears once (never "Barack Obama" and "Mr Obama" side by side), and the
 * key is the speaker the analysis resolved.
 */
import { canBePerson, formsOf } from "../analyze/entities";
import type { NamedEntity } from "../types";

export function peopleChoicesProblem(names: string[], entities: NamedEntity[]): string | undefined {
  const people = entities.filter((e) => e.kind === "person");
  const owners: NamedEntity[] = [];
  for (const name of names) {
    if (!canBePerson(name)) return `“${name}” is not a person`;
    const owner = people.find((p) => formsOf(p).includes(name));
    if (!owner) return `“${name}” is not a person of the article`;
    if (owners.includes(owner)) return `two choices name ${owner.name}`;
    owners.push(owner);
  }
  // Two different entities may still be one person when one's form is contained in the other's ("Obama" vs "Barack Obama").
  for (let i = 0; i < names.length; i += 1) {
    for (let j = 0; j < names.length; j += 1) {
      if (i === j) continue;
      const shorter = names[i]!;
      const longer = names[j]!;
      if (longer.split(/\s+/).length > shorter.split(/\s+/).length && new RegExp(`(^|\\s)${shorter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).test(longer)) return `“${shorter}” and “${longer}” may be the same person`;
    }
  }
  return undefined;
}

/** The key of a who-said item must be the speaker the analysis resolved for that quote. */
export function speakerKeyProblem(key: string, speaker: string | undefined): string | undefined {
  if (!speaker) return "the quote has no resolved speaker";
  return key === speaker ? undefined : `keyed to ${key}, but the speaker is ${speaker}`;
}
