import type { ActionState } from "./actions";

/** The initial state for `useActionState` forms (client-safe module); fits any ActionState<T>. */
export const idleState = { status: "idle" } as const satisfies ActionState;
