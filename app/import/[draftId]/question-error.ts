/** Which question a failed save or publish is about, from the field the server's error names. */
import type { ActionState } from "@/lib/actions";

/**
 * The first `questions.<index>` field error of these states (lib/data/imports.ts names the
 * question it refuses that way) and what to show beside that question; null when there is none.
 */
export function questionErrorOf(...states: ActionState<unknown>[]): { index: number; message: string } | null {
  for (const state of states) {
    if (state.status !== "invalid") continue;
    for (const [field, messages] of Object.entries(state.fieldErrors)) {
      const index = /^questions\.(\d+)$/.exec(field)?.[1];
      if (index !== undefined && messages?.[0]) return { index: Number(index), message: messages[0] };
    }
  }
  return null;
}
