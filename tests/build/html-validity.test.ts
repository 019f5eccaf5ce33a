/** Every page of the fixture site is valid HTML (html-validate's standard rules). */
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { readPage } from '../support/fixture-site.ts';
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
