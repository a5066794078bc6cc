/**
 * The Content Security Policy, built per request by proxy.ts. Scripts run only
 * with this request's nonce (Next adds it to its own inline bootstrap scripts
 * and chunks; 'strict-dynamic' lets those load the rest), so an injected
 * <script> or inline event handler never runs. Styles keep 'unsafe-inline'
 * because React writes style attributes; CSS can't run script.
 */

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's dev overlay and fast refresh evaluate code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Two years, subdomains included: sent only on HTTPS responses, so plain-HTTP self-hosting keeps working. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
