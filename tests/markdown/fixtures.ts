/**
 * Fixture files for the Markdown plugin tests: each case is a folder
 * `tests/fixtures/markdown/<group>/<case>/` with `input.md`, the expected
 * `output.html`, and optionally `options.json` (the plugin's options, e.g. the
 * locale). `UPDATE=1 npx vitest run tests/markdown` rewrites the expectations;
 * read the diff before committing it.
 *
 * In `output.html`, U+00A0 and U+202F are written `&nbsp;` and `&#x202F;` so a
 * reader of the diff can see them; the HTML means the same.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const FIXTURES = fileURLToPath(new URL('../fixtures/markdown/', import.meta.url));

/** Case folders of a group, sorted (synchronous, for `it.each` inside `describe`). */
export function fixtureCases(group: string): string[] {
  const entries = readdirSync(join(FIXTURES, group), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export interface FixtureCase {
  input: string;
  options: Record<string, unknown>;
}

/** No-break spaces made visible, as the fixture files hold them. */
export function visibleSpaces(html: string): string {
  return html.replace(/\u00a0/g, '&nbsp;').replace(/\u202f/g, '&#x202F;');
}

/** A case's input and options. */
export async function readFixture(group: string, name: string): Promise<FixtureCase> {
  const dir = join(FIXTURES, group, name);
  const input = await readFile(join(dir, 'input.md'), 'utf8');
  const optionsFile = join(dir, 'options.json');
  const options = existsSync(optionsFile)
    ? (JSON.parse(await readFile(optionsFile, 'utf8')) as Record<string, unknown>)
    : {};
  return { input, options };
}

/** Reads a case, renders it with `render`, and compares with (or, with UPDATE=1, writes) `output.html`. */
export async function expectFixture(
  group: string,
  name: string,
  render: (fixture: FixtureCase) => Promise<string>,
): Promise<void> {
  const actual = `${visibleSpaces((await render(await readFixture(group, name))).trim())}\n`;
  const outputFile = join(FIXTURES, group, name, 'output.html');
  if (process.env['UPDATE'] === '1') {
    await writeFile(outputFile, actual);
    return;
  }
  if (!existsSync(outputFile)) throw new Error(`${outputFile} is missing: run with UPDATE=1 to write it, then read it`);
  expect(actual).toBe(await readFile(outputFile, 'utf8'));
}
