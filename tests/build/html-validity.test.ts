/**
 * Every page of the fixture site is valid HTML: html-validate's standard rules,
 * and the W3C Nu HTML Checker (vnu.jar from the vnu-jar package, on the
 * machine's Java 17).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { readPage, ROOT } from '../support/fixture-site.ts';
import { listPages } from '../support/html.ts';

const dist = inject('fixtureDist');

describe('HTML validity', () => {
  it('reports no error on any page', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:standard'],
      rules: {
        // Astro writes `<!DOCTYPE html>`; the case does not matter to parsers.
        'doctype-style': 'off',
      },
    });
    const failures: string[] = [];
    for (const path of await listPages(dist)) {
      const report = await validator.validateString(await readPage(dist, path), path);
      for (const result of report.results) {
        for (const m of result.messages) failures.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the W3C Nu HTML Checker', () => {
  it('finds no error on any page', async () => {
    const pages = (await listPages(dist)).map((path) => join(dist, path.endsWith('/') ? `${path}index.html` : path));
    const vnu = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
    // vnu exits with 1 when it finds errors, and writes its JSON report to stderr.
    const report = await promisify(execFile)('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages], {
      maxBuffer: 64 * 1024 * 1024,
    }).then(
      ({ stderr }) => stderr,
      (error: Error & { stderr?: string }) => error.stderr ?? error.message,
    );
    const { messages } = JSON.parse(report) as { messages: { url: string; lastLine?: number; message: string }[] };
    expect(messages.map((m) => `${m.url.slice(m.url.indexOf('/dist/') + 5)}:${m.lastLine}: ${m.message}`)).toEqual([]);
    expect(pages.length).toBeGreaterThan(80);
  });
});
