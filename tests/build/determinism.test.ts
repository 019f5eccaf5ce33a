/**
 * The same content gives byte-identical output whatever the build machine's
 * TZ: the fixture site is rebuilt under TZ=America/New_York and compared, file
 * by file, with the one the global setup built under TZ=UTC.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildFixtureSite } from '../support/fixture-site.ts';
import { listFiles } from '../support/html.ts';

describe('deterministic output', () => {
  it('is byte-identical under TZ=UTC and TZ=America/New_York', async () => {
    const utc = inject('fixtureDist');
    const { dist: newYork } = await buildFixtureSite('fixture-new-york', { TZ: 'America/New_York' });
    const files = await listFiles(utc);
    expect(await listFiles(newYork)).toEqual(files);
    const different: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(utc, file)), readFile(join(newYork, file))]);
      if (!a.equals(b)) different.push(file);
    }
    expect(different).toEqual([]);
  });
});
