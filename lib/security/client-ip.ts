import { isIPv6 } from "node:net";
import { getEnv } from "../env";

/**
 * The client's address for rate limiting: the last X-Forwarded-For entry,
 * which is always written by something we trust.
 *
 * - TRUST_PROXY=false (the app faces clients directly): the server replaces
 *   any X-Forwarded-For a client sends with the socket's address before Next
 *   sees the request (lib/security/client-address.ts, installed from
 *   instrumentation.ts). Next itself only fills the header in when it is
 *   missing, so without that a client could name any address it liked.
 * - TRUST_PROXY=true (behind your own reverse proxy): the proxy appends the
 *   address it saw, so the last entry is the client as the proxy saw it;
 *   entries further left were sent by the client and are ignored. With more
 *   than one proxy in front, have the outermost set the header instead.
 *
 * IPv6 clients are keyed by their /64 network: one home or school usually
 * gets a whole /64, so single addresses would be free to rotate.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  const address = last ?? (getEnv().TRUST_PROXY ? headers.get("x-real-ip")?.trim() : undefined);
  return address ? normalizeAddress(address) : null;
}

/** "::ffff:192.0.2.7" → "192.0.2.7"; an IPv6 address → its /64 ("2001:db8:1:2::/64"); anything else as sent, shortened. */
export function normalizeAddress(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!isIPv6(bare)) return bare.slice(0, 64);
  const [head = "", tail = ""] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = bare.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = bare.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
