// A lesson only some readers may see (an imported lesson: its teacher and the classes it is assigned
// to), rendered per request with the reader's own visibility. /lessons/[slug] sends such lessons here;
// `ownLevel` is a level number or "default" (the reader's saved level, else the default).
export { default, generateMetadata } from "../../page";

export const dynamic = "force-dynamic";
