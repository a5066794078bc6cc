/** Refusals of an import source (a link, a PDF, a Word file): a code for tests and a message that says what to do instead. */
export type SourceErrorCode =
  | "disabled"
  | "bad_url"
  | "bad_scheme"
  | "blocked_address"
  | "dns"
  | "too_many_redirects"
  | "too_large"
  | "timeout"
  | "bad_type"
  | "http_status"
  | "network"
  | "scanned_pdf"
  | "encrypted"
  | "corrupt"
  | "empty_document"
  | "unsupported_file";

export class SourceError extends Error {
  readonly code: SourceErrorCode;
  constructor(code: SourceErrorCode, message: string) {
    super(message);
    this.name = "SourceError";
    this.code = code;
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
