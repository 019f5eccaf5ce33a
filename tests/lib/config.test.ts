import { describe, expect, it } from 'vitest';
import { normaliseBasePath, resolveSiteConfig } from '#src/lib/config.ts';

const input = { name: 'Rotative', url: 'https://news.example.org' };
const startedAt = new Date('2026-01-01T00:00:00Z');

describe('resolveSiteConfig', () => {
  it('fills the defaults: French, Beijing time, 20 per page', () => {
    const site = resolveSiteConfig(input, {}, startedAt);
    expect(site).toMatchObject({
      locale: 'fr-FR',
      timeZone: 'Asia/Shanghai',
      pageSize: 20,
      basePath: '/',
      contentDir: 'content',
    });
    expect(site.now).toBe(startedAt);
  });

  it('lets the environment override URL, base path, locale, zone, content and clock', () => {
    const site = resolveSiteConfig(
      input,
      {
        SITE_URL: 'https://user.github.io',
        BASE_PATH: 'rotative',
        ROTATIVE_LOCALE: 'en-GB',
        ROTATIVE_TIME_ZONE: 'Europe/London',
        ROTATIVE_CONTENT_DIR: '/tmp/content',
        ROTATIVE_NOW: '2021-05-21T09:05:00+08:00',
        ROTATIVE_FEED_FULL_TEXT: 'true',
      },
      startedAt,
    );
    expect(site).toMatchObject({
      url: 'https://user.github.io',
      basePath: '/rotative/',
      locale: 'en-GB',
      timeZone: 'Europe/London',
      contentDir: '/tmp/content',
      feedFullText: true,
    });
    expect(site.now.toISOString()).toBe('2021-05-21T01:05:00.000Z');
  });

  it.each([
    [{ ROTATIVE_NOW: '2021-05-21 09:05' }, /ROTATIVE_NOW: expected an ISO 8601 date-time with offset/],
    [{ ROTATIVE_TIME_ZONE: 'Mars/Olympus' }, /timeZone: expected an IANA time zone.*Mars\/Olympus/],
    [{ ROTATIVE_LOCALE: 'de-DE' }, /locale: expected a locale in fr or en.*de-DE/],
    [{ SITE_URL: 'not a url' }, /url: expected an absolute URL/],
    [{ ROTATIVE_FEED_FULL_TEXT: 'yes' }, /ROTATIVE_FEED_FULL_TEXT: expected true or false, got "yes"/],
    [{ SITE_URL: 'https://example.org/news' }, /put the path "\/news" in basePath/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => resolveSiteConfig(input, env, startedAt)).toThrow(message);
  });

  it('keeps the config file’s feedFullText unless the environment says true or false', () => {
    expect(resolveSiteConfig({ ...input, feedFullText: true }, {}, startedAt).feedFullText).toBe(true);
    expect(
      resolveSiteConfig({ ...input, feedFullText: true }, { ROTATIVE_FEED_FULL_TEXT: 'false' }, startedAt).feedFullText,
    ).toBe(false);
  });

  it('takes remoteImageHosts from ROTATIVE_REMOTE_IMAGE_HOSTS, separated by commas, in place of the file’s', () => {
    const file = { ...input, remoteImageHosts: ['photos.agence.example'] };
    expect(resolveSiteConfig(file, {}, startedAt).remoteImageHosts).toEqual(['photos.agence.example']);
    expect(
      resolveSiteConfig(file, { ROTATIVE_REMOTE_IMAGE_HOSTS: ' Images.Example.org, cdn.example.org ,' }, startedAt)
        .remoteImageHosts,
    ).toEqual(['images.example.org', 'cdn.example.org']);
    // Empty is unset, as for the other variables.
    expect(resolveSiteConfig(file, { ROTATIVE_REMOTE_IMAGE_HOSTS: '' }, startedAt).remoteImageHosts).toEqual([
      'photos.agence.example',
    ]);
  });

  it.each([
    [
      { ROTATIVE_REMOTE_IMAGE_HOSTS: 'https://images.example.org' },
      /^ROTATIVE_REMOTE_IMAGE_HOSTS: expected a host name/,
    ],
    [
      { ROTATIVE_REMOTE_IMAGE_HOSTS: 'images.example.org/photos' },
      /^ROTATIVE_REMOTE_IMAGE_HOSTS: expected a host name/,
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => resolveSiteConfig(input, env, startedAt)).toThrow(message);
  });

  it('refuses a remoteImageHosts entry in the file that is not a host name, naming the setting', () => {
    expect(() => resolveSiteConfig({ ...input, remoteImageHosts: ['https://x.example.org/'] }, {}, startedAt)).toThrow(
      /^Site config: remoteImageHosts: expected a host name such as photos\.example\.org \(no https:\/\/, no path\), got "https:\/\/x\.example\.org\/"$/,
    );
  });

  it('refuses a page size that cannot paginate', () => {
    expect(() => resolveSiteConfig({ ...input, pageSize: 0 }, {}, startedAt)).toThrow(
      /pageSize: expected a whole number/,
    );
  });

  it.each([
    'http://www.youtube-nocookie.com/embed/',
    'https://www.youtube-nocookie.com/embed',
    'https://www.youtube.com',
    'https://www.youtube.com:/embed/../x/',
    'www.youtube-nocookie.com/embed/',
  ])('refuses the embed prefix %s: https only, ending with a slash, written as the browser reads it', (prefix) => {
    expect(() => resolveSiteConfig({ ...input, embeds: [prefix] }, {}, startedAt)).toThrow(
      `embeds: expected https address prefixes ending with /, such as https://www.youtube-nocookie.com/embed/, got "${prefix}"`,
    );
  });

  it('takes no embed by default, and https prefixes ending with a slash', () => {
    expect(resolveSiteConfig(input, {}, startedAt).embeds).toEqual([]);
    const embeds = ['https://www.youtube-nocookie.com/embed/', 'https://player.vimeo.com/video/'];
    expect(resolveSiteConfig({ ...input, embeds }, {}, startedAt).embeds).toEqual(embeds);
  });

  it.each([1, 5, 2.5])('refuses %d secondary stories on the front page: 2, 3 or 4 fill its row', (count) => {
    expect(() => resolveSiteConfig({ ...input, homeSecondaryCount: count }, {}, startedAt)).toThrow(
      `homeSecondaryCount: expected 2, 3 or 4, got ${count}`,
    );
  });

  it.each([2, 3, 4])('takes %d secondary stories', (count) => {
    expect(resolveSiteConfig({ ...input, homeSecondaryCount: count }, {}, startedAt).homeSecondaryCount).toBe(count);
  });
});

describe('normaliseBasePath', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['rotative', '/rotative/'],
    ['/rotative', '/rotative/'],
    ['/a/b/', '/a/b/'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseBasePath(input)).toBe(expected);
  });
});
