/**
 * A draft's content/ files as one .zip, written with fflate (the zip library
 * the LMS exports use too, lib/interop/qti12.ts).
 */
import { strToU8, zipSync, type Zippable } from "fflate";

/**
 * `date` sets every entry's modification time, so the same files give the
 * same bytes (fflate writes it in the server's local time zone, as zip tools do).
 */
export function createZip(files: { path: string; contents: string }[], date = new Date(Date.UTC(2024, 0, 1))): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = strToU8(file.contents);
  return zipSync(entries, { level: 6, mtime: date });
}
