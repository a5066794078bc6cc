import type { ActionState } from "./actions";

/** The initial state for `useActionState` forms (client-safe module). */
export const idleState: ActionState = { status: "idle" };
