/**
 * Makes X-Forwarded-For trustworthy when the app faces clients directly
 * (TRUST_PROXY=false): every incoming request's header is replaced with the
 * address of the socket it arrived on, before Next.js handles it. Next only
 * adds that address when the header is missing, so otherwise a client could
 * send any address and dodge (or aim) the per-address limits.
 *
 * Uses Node's `http.server.request.start` diagnostics channel, which fires for
 * each request before the server's request listeners run. Installed once per
 * server process from instrumentation.ts. Behind a reverse proxy
 * (TRUST_PROXY=true) the header is left to the proxy (lib/security/client-ip.ts).
 */
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { getEnv } from "../env";

const CHANNEL = "http.server.request.start";
let installed = false;

export function pinForwardedFor(request: IncomingMessage, socket: Socket): void {
  const address = socket.remoteAddress ?? "";
  request.headers["x-forwarded-for"] = address;
  // Keep the raw header list in step, for anything that reads it instead.
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (raw[i]!.toLowerCase() === "x-forwarded-for") raw.splice(i, 2);
  }
  raw.push("X-Forwarded-For", address);
}

export function installClientAddress(): void {
  if (installed || getEnv().TRUST_PROXY) return;
  installed = true;
  diagnosticsChannel.subscribe(CHANNEL, (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    pinForwardedFor(request, socket);
  });
}
