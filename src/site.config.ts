/**
 * The newsroom's settings. Every field is documented in `src/lib/config.ts`
 * and in the README's configuration reference; environment variables
 * (`SITE_URL`, `BASE_PATH`, `ROTATIVE_LOCALE`, …) override them per build.
 */
import { defineSiteConfig } from './lib/config.ts';

export default defineSiteConfig({
  name: 'Rotative',
  description: 'Toute l’actualité, en continu\u00a0: international, Chine, économie, culture.',
  url: 'https://rotative.example.org',
  basePath: '/',
  locale: 'fr-FR',
  timeZone: 'Asia/Shanghai',
  pageSize: 20,
  homeSectionSize: 4,
  featuredWindow: 10,
  homeSecondaryCount: 3,
  homeLatestSize: 10,
  remoteImageHosts: [],
  sourceUrls: { Xinhua: 'https://french.news.cn/' },
  picksSize: 5,
  share: ['x', 'facebook', 'linkedin', 'whatsapp', 'email'],
  logo: '/logo.png',
  defaultImage: '/social-default.png',
  feedSize: 50,
  feedFullText: false,
});
