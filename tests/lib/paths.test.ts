/** isWithin: the one test of "is this path in that folder" for content checks and the preview's watcher. */
import { describe, expect, it } from 'vitest';
import { isWithin } from '#src/lib/paths.ts';

describe('isWithin', () => {
  it.each([
    ['/site/content', '/site/content'],
    ['/site/content/a.md', '/site/content'],
    ['/site/content/images/..x.jpg', '/site/content'],
  ])('%s is within %s', (path, folder) => {
    expect(isWithin(path, folder)).toBe(true);
  });

  it.each([
    ['/site', '/site/content'],
    ['/site/content2/a.md', '/site/content'],
    ['/site/content/../etc/passwd', '/site/content'],
    ['/etc/passwd', '/site/content'],
  ])('%s is not within %s', (path, folder) => {
    expect(isWithin(path, folder)).toBe(false);
  });
});
