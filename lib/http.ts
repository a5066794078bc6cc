/**
 * Helpers for JSON route handlers: same-origin check, a size limit enforced
 * while reading, JSON and zod parsing with messages a person can act on, and
 * one place that turns thrown errors into JSON responses.
 */
import "server-only";
import type { z } from "zod";
import { AppError, errorResponse } from "./errors";
import { checkSameOrigin } from "./security/origin";

const CROSS_SITE = "This request must come from the Civics Lab page itself.";

/**
 * CSRF defence for every state-changing route handler (cookie-authenticated):
 * the browser's Sec-Fetch-Site, when sent, must say same-origin, and the
 * Origin header must be present and name this host (lib/security/origin.ts;
 * X-Forwarded-Host counts only behind a trusted proxy). Forms and fetches from
 * other sites, including sibling subdomains, are refused with 403; an Origin
 * that isn't a URL at all with 400.
 */
export function assertSameOrigin(request: Request): void {
  const verdict = checkSameOrigin(request.headers);
  if (verdict === "malformed") throw new AppError("bad_request", "The request's Origin header is not a URL.");
  if (verdict !== "same-origin") throw new AppError("forbidden", CROSS_SITE);
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new AppError("bad_request", `The request is too large (the limit is ${Math.round(maxBytes / 1024)} KB). Nothing was saved.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? ` (at ${issue.path.map(String).join(".")})` : "";
  return `${issue.message}${where}`;
}

/** Reads, size-checks, JSON-parses and validates a request body. Throws `bad_request` with a clear message. */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, maxBytes: number): Promise<z.infer<S>> {
  const text = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON. Nothing was saved.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", `The request was not understood: ${describeIssue(parsed.error.issues[0]!)}. Nothing was saved.`);
  return parsed.data;
}

/** Runs a handler and maps errors to JSON responses (no caching of personal data). */
export async function jsonRoute(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const body = await fn();
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A file for `downloadRoute`; `headers` adds to (or overrides) the standard ones. */
export interface Download {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

/**
 * The one way a route handler sends a file: personal data and answer keys,
 * so never kept by a browser or proxy cache. Errors (an unknown id is an
 * AppError "not_found") become the same JSON error responses as `jsonRoute`.
 */
export async function downloadRoute(fn: () => Promise<Download>): Promise<Response> {
  try {
    const file = await fn();
    return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        ...file.headers,
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Data as a readable JSON file, for `downloadRoute`. */
export function jsonFile(filename: string, data: unknown): Download {
  return { filename, contentType: "application/json; charset=utf-8", body: JSON.stringify(data, null, 2) };
}
