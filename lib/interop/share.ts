/**
 * Links a teacher pastes elsewhere. Google Classroom's share endpoint is a
 * plain link (no script, no tracking pixel): https://classroom.google.com/share?url=…
 * (Google's documented "share to Classroom" URL parameters: url, title, body).
 */

/** The site's own origin from the request headers (the proxy's X-Forwarded-Proto wins when present). */
export function originFromHeaders(headers: { get(name: string): string | null }): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

export function classroomShareUrl(link: string, title: string, body?: string): string {
  const params = new URLSearchParams({ url: link, title });
  if (body) params.set("body", body);
  return `https://classroom.google.com/share?${params.toString()}`;
}

export function joinUrl(origin: string, joinCode: string): string {
  return `${origin}/join?code=${encodeURIComponent(joinCode)}`;
}

export function quizUrl(origin: string, quizId: string, assignmentId?: string | null): string {
  return `${origin}/quizzes/${encodeURIComponent(quizId)}${assignmentId ? `?assignment=${encodeURIComponent(assignmentId)}` : ""}`;
}

/** The text a teacher pastes into any LMS announcement or assignment: join first (once), then the quiz. */
export function assignmentMessage(input: { origin: string; quizId: string; quizTitle: string; className: string; joinCode: string | null; assignmentId: string | null }): string {
  const link = quizUrl(input.origin, input.quizId, input.assignmentId);
  const lines = [`Civics Lab quiz: ${input.quizTitle}`];
  if (input.joinCode) lines.push(`First time? Join ${input.className} with class code ${input.joinCode} at ${joinUrl(input.origin, input.joinCode)}`);
  lines.push(`Then open the quiz: ${link}`);
  return lines.join("\n");
}
