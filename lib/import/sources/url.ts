/**
 * Fetching a teacher's link safely from a school network (docs/INTEROP.md,
 * "Import from a link"). Only http(s); the host's addresses are checked after
 * DNS resolution, before connecting and again by request-filtering-agent at
 * connect time (no private, loopback, link-local/metadata, multicast or
 * reserved addresses), on every redirect; at most 5 redirects, a size cap
 * counted while reading, an overall time limit, and HTML or plain text only.
 */
import "server-only";
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { useAgent } from "request-filtering-agent";
import { MAX_INPUT_BYTES } from "../types";
import { SourceError } from "./errors";

export interface FetchPolicy {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** IPs or CIDRs exempt from the address block (URL_IMPORT_ALLOW_ADDRESSES; tests use one loopback address). */
  allowAddresses: string[];
}

export const DEFAULT_FETCH_POLICY: FetchPolicy = { maxBytes: MAX_INPUT_BYTES, timeoutMs: 10_000, maxRedirects: 5, allowAddresses: [] };

export interface FetchedPage {
  /** The address the page finally came from (after redirects). */
  url: string;
  format: "html" | "text";
  content: string;
}

const ACCEPTED_TYPES: Record<string, FetchedPage["format"]> = { "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text" };

const RANGE_WORDS: Record<string, string> = {
  loopback: "this server itself (a loopback address)",
  private: "a private network address (like a school's or home network)",
  linkLocal: "a link-local address (where cloud metadata services live)",
  uniqueLocal: "a private network address",
  multicast: "a multicast address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  reserved: "a reserved address",
  carrierGradeNat: "a carrier-grade NAT address",
  ipv4Mapped: "an IPv4-mapped address",
  rfc6145: "a translated address",
  rfc6052: "a translated address",
  "6to4": "a 6to4 address",
  teredo: "a Teredo address",
  benchmarking: "a benchmarking address",
  amt: "an AMT address",
  as112: "an AS112 address",
  deprecated: "a deprecated address",
  orchid2: "an ORCHID address",
  droneRemoteIdProtocolEntityTags: "a reserved address",
  discard: "a discard address",
};

function allowed(address: string, allow: readonly string[]): boolean {
  const parsed = ipaddr.process(address);
  return allow.some((entry) => {
    try {
      if (entry.includes("/")) {
        const [range, bits] = ipaddr.parseCIDR(entry);
        return parsed.kind() === range.kind() && parsed.match(range, bits);
      }
      return ipaddr.process(entry).toString() === parsed.toString();
    } catch {
      return false;
    }
  });
}

/** Why an address may not be fetched, or null when it is a public unicast address (or explicitly allowed). */
export function blockedAddressReason(address: string, allow: readonly string[] = []): string | null {
  if (!ipaddr.isValid(address)) return "an address that could not be read";
  if (allowed(address, allow)) return null;
  const range = ipaddr.process(address).range();
  return range === "unicast" ? null : (RANGE_WORDS[range] ?? `a ${range} address`);
}

/** Checks the scheme and every address the host resolves to; throws a SourceError saying what to do instead. */
export async function assertFetchableUrl(raw: string, policy: FetchPolicy = DEFAULT_FETCH_POLICY): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SourceError("bad_url", "That isn't a web address we can read. Copy the link from the browser's address bar (it starts with https://).");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SourceError("bad_scheme", `Only web links (http:// or https://) can be imported, not “${url.protocol.replace(/:$/, "")}:” links. Download the file and upload it instead.`);
  }
  if (url.username || url.password) throw new SourceError("bad_url", "Links with a user name or password in them can't be imported. Save the page and upload it instead.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new SourceError("dns", `We couldn't find the site “${host}”. Check the link for typos, or paste the article's text instead.`);
    }
  }
  for (const address of addresses) {
    const reason = blockedAddressReason(address, policy.allowAddresses);
    if (reason) throw new SourceError("blocked_address", `For the school network's safety, Civics Lab doesn't fetch links that lead to ${reason}${net.isIP(host) ? "" : ` (“${host}” points there)`}. Save the page and upload it, or paste the article's text.`);
  }
  return url;
}

function charsetOf(contentType: string): string {
  const match = /charset\s*=\s*"?([\w-]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? "utf-8";
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function once(url: URL, policy: FetchPolicy, signal: AbortSignal): Promise<{ status: number; location?: string; contentType: string; body?: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const agent = useAgent(url.toString(), { allowIPAddressList: policy.allowAddresses, keepAlive: false });
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(url, { agent, signal, headers: { "user-agent": "CivicsLab/1.0 (article import)", accept: "text/html, application/xhtml+xml, text/plain;q=0.9" } }, (response) => {
      const status = response.statusCode ?? 0;
      const contentType = String(response.headers["content-type"] ?? "");
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        resolve({ status, location: response.headers.location, contentType });
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        resolve({ status, contentType });
        return;
      }
      const mime = contentType.split(";")[0]!.trim().toLowerCase();
      if (!ACCEPTED_TYPES[mime]) {
        response.destroy();
        reject(new SourceError("bad_type", `That link is ${mime ? `a “${mime}” file` : "not a web page"}, not a web page or plain text. ${mime === "application/pdf" || /word/.test(mime) ? "Download it and upload the file instead." : "Open the article page itself and copy its link."}`));
        return;
      }
      const tooLarge = () => new SourceError("too_large", `That page is larger than ${Math.round(policy.maxBytes / 1024 / 1024)} MB. Copy just the article's text and paste it instead.`);
      const declared = Number(response.headers["content-length"] ?? "0");
      if (declared > policy.maxBytes) {
        response.destroy();
        reject(tooLarge());
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > policy.maxBytes) {
          response.destroy();
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      response.on("end", () => resolve({ status, contentType, body: new Uint8Array(Buffer.concat(chunks)) }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Fetches an article page under the policy; every refusal is a SourceError with a message for the teacher. */
export async function fetchArticlePage(raw: string, policy: FetchPolicy = DEFAULT_FETCH_POLICY): Promise<FetchedPage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
  try {
    let url = await assertFetchableUrl(raw, policy);
    for (let hop = 0; ; hop += 1) {
      let result;
      try {
        result = await once(url, policy, controller.signal);
      } catch (error) {
        if (error instanceof SourceError) throw error;
        if (controller.signal.aborted) throw new SourceError("timeout", `The site took longer than ${Math.round(policy.timeoutMs / 1000)} seconds to answer. Try again later, or paste the article's text instead.`);
        const message = error instanceof Error ? error.message : "";
        if (/is not allowed/.test(message)) throw new SourceError("blocked_address", "For the school network's safety, Civics Lab doesn't fetch links that lead to private, loopback or link-local addresses. Save the page and upload it, or paste the article's text.");
        throw new SourceError("network", "We couldn't reach that site. Check the link, or save the page and upload it instead.");
      }
      if (result.location) {
        if (hop >= policy.maxRedirects) throw new SourceError("too_many_redirects", `That link redirects more than ${policy.maxRedirects} times. Open it in your browser and copy the address of the page you end up on.`);
        // Every hop gets the same scheme and address checks as the first.
        url = await assertFetchableUrl(new URL(result.location, url).toString(), policy);
        continue;
      }
      if (!result.body) {
        const hint = result.status === 401 || result.status === 403 || result.status === 402 ? "It may be behind a paywall or a sign-in: save the page from your browser and upload it." : result.status === 404 ? "The page wasn't found: check the link." : "Try again later, or paste the article's text.";
        throw new SourceError("http_status", `The site answered with an error (HTTP ${result.status}). ${hint}`);
      }
      const mime = result.contentType.split(";")[0]!.trim().toLowerCase();
      return { url: url.toString(), format: ACCEPTED_TYPES[mime]!, content: decode(result.body, charsetOf(result.contentType)) };
    }
  } finally {
    clearTimeout(timer);
  }
}
