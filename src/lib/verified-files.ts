/**
 * The build cache is an optimisation, never a source of truth: whatever is
 * read back from it is checked against a digest recorded when it was written.
 * These helpers hash files and keep those records (small JSON files written
 * whole or not at all); a record that cannot be read counts as no record, so
 * a damaged cache costs a rebuild of what it held, never a failed build.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';

/** SHA-256 of `data`, in hex. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The SHA-256 of a file's bytes; `undefined` when it cannot be read. */
export async function fileDigest(path: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(path));
  } catch {
    return undefined;
  }
}

/** A record written by `writeRecord`; `undefined` when missing, unreadable or not valid JSON. */
export async function readRecord<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Writes a record whole or not at all (a temporary file renamed over the old one). */
export async function writeRecord(path: string, value: unknown): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(value));
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
