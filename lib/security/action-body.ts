/**
 * A cheap well-formedness check of a server action's request body, run by
 * proxy.ts before Next decodes it, so malformed input gets a 400 with a reason
 * instead of a 500 from deep inside the framework:
 * - multipart bodies must parse as form data;
 * - the fields React's encodeReply writes as JSON (numeric names: "0" is the
 *   root) and a plain-text body must be JSON, nested at most MAX_JSON_DEPTH deep.
 * Returns a short description of the problem, or null when the body is fine.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays/objects in a JSON text, counted without parsing (so a 20,000-deep input costs one pass). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "[" || char === "{") deepest = Math.max(deepest, (depth += 1));
    else if (char === "]" || char === "}") depth -= 1;
  }
  return deepest;
}

function jsonProblem(text: string, where: string): string | null {
  if (jsonDepth(text) > MAX_JSON_DEPTH) return `${where} is nested more than ${MAX_JSON_DEPTH} levels deep`;
  try {
    JSON.parse(text);
    return null;
  } catch {
    return `${where} is not valid JSON`;
  }
}

export async function checkActionBody(request: Request): Promise<string | null> {
  if (!request.body) return null;
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return "the form data is malformed";
    }
    for (const [name, value] of form.entries()) {
      if (!/^\d+$/.test(name) || typeof value !== "string") continue;
      const problem = jsonProblem(value, `field ${name}`);
      if (problem) return problem;
    }
    return null;
  }
  if (request.headers.get("next-action") && (type.startsWith("text/plain") || type === "")) {
    let text: string;
    try {
      text = await request.text();
    } catch {
      return "the body could not be read";
    }
    return text ? jsonProblem(text, "the body") : null;
  }
  return null;
}
