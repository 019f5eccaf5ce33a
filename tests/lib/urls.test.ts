import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, sectionPath, withBase } from '#src/lib/urls.ts';

describe('articlePath', () => {
  it('dates the URL with the local publication day', () => {
    // 23:30 UTC on the 20th is already the 21st in Beijing.
    expect(articlePath('international', new Date('2021-05-20T23:30:00Z'), 'x', 'Asia/Shanghai')).toBe(
      '/international/2021/05/21/x/',
    );
    expect(articlePath('international', new Date('2021-05-20T23:30:00Z'), 'x', 'UTC')).toBe(
      '/international/2021/05/20/x/',
    );
  });
});

describe('sectionPath', () => {
  it('leaves page 1 bare and numbers the others', () => {
    expect(sectionPath('culture')).toBe('/culture/');
    expect(sectionPath('culture', 1)).toBe('/culture/');
    expect(sectionPath('culture', 3)).toBe('/culture/3/');
  });
});

describe('withBase and absoluteUrl', () => {
  it('places paths under the base path', () => {
    expect(withBase('/', '/culture/')).toBe('/culture/');
    expect(withBase('/rotative/', '/culture/')).toBe('/rotative/culture/');
    expect(withBase('/rotative/', '/')).toBe('/rotative/');
    expect(absoluteUrl('https://user.github.io', '/rotative/', '/culture/')).toBe(
      'https://user.github.io/rotative/culture/',
    );
  });
});
