/**
 * The one way client components send JSON to our route handlers
 * (lib/http.ts `jsonRoute`): the body as JSON, the server's own message when it
 * refuses (`{ error: { message } }`, lib/errors.ts), and `fallback` when it
 * answers with nothing readable (offline, a proxy's error page).
 */
export async function sendJson<T>(url: string, body: unknown, options: { method?: "POST" | "PUT"; signal?: AbortSignal; fallback?: string } = {}): Promise<T> {
  const response = await fetch(url, {
    method: options.method ?? "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: options.signal,
  });
  const json = (await response.json().catch(() => null)) as ({ error?: { message?: string } } & T) | null;
  if (!response.ok || json === null) {
    throw new Error(json?.error?.message ?? options.fallback ?? `The server answered ${response.status}. Please try again.`);
  }
  return json;
}
