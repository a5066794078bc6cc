/** Request size limits shared by the proxy, route handlers and next.config.mjs's server-action limit. */
export const MAX_REQUEST_BYTES = 3 * 1024 * 1024;
/** The largest article a teacher may import. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
