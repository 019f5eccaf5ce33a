/**
 * Builds fixture sites for the build and browser tests: the seed article plus
 * generated fictional articles, written to a temporary content folder and
 * built by the real `astro build` into `tests/.output/<name>/dist`.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withAstroLock } from './astro-lock.ts';
import { fixtureImages } from './fixture-images.ts';
import { defaultSections, generateCorpus, sectionsYaml, writeFiles } from './synthetic-corpus.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where fixture sites are built; `ROTATIVE_TEST_OUTPUT` keeps parallel runs apart. */
export const OUTPUT = process.env['ROTATIVE_TEST_OUTPUT'] ?? join(ROOT, 'tests', '.output');

/** The fixture build's clock: after every generated article, before the embargoed one. */
export const FIXTURE_NOW = '2021-06-30T12:00:00+08:00';

/** Path of the seed article in the project's own content folder. */
export const SEED_PATH = '2021/05/la-russie-et-les-etats-unis-recherchent-la-cooperation-dans.md';
export const SEED_URL = '/international/2021/05/21/la-russie-et-les-etats-unis-recherchent-la-cooperation-dans/';

/** Generated articles in the fixture (on top of the seed, a draft and an embargoed one). */
export const GENERATED_COUNT = 48;

/** The front page's articles (`frontArticles`). */
export const FRONT_COUNT = 4;

/** Articles with images, tags and no standfirst, newer than every generated one (see `frontArticles`). */
export const FEATURED_URL = '/international/2021/06/28/grand-port/';
export const NEWEST_URL = '/economie/2021/06/29/marche-aux-poissons/';
export const PUBLIC_IMAGE_URL = '/culture/2021/06/27/logo-du-festival/';
/** The tag every front article has, and the editor who handled them. */
export const FRONT_TAG = 'port de Valmorin';
export const FRONT_EDITOR = 'Élise Marchetti';

export const DRAFT_TITLE = '[Fictif] Brouillon qui ne doit jamais paraître';
export const EMBARGOED_TITLE = '[Fictif] Article sous embargo jusqu’en juillet';

/** Writes the standard fixture content into `dir` (replacing what was there). */
export async function writeFixtureContent(dir: string, extra: Record<string, string> = {}): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'articles'), { recursive: true });
  await cp(join(ROOT, 'content', 'articles', SEED_PATH), join(dir, 'articles', SEED_PATH));
  const generated = generateCorpus({
    count: GENERATED_COUNT,
    seed: 7,
    start: new Date('2021-05-10T01:00:00Z'),
    stepMinutes: 19 * 60,
  });
  const files: Record<string, string> = { 'sections.yaml': sectionsYaml(defaultSections) };
  for (const article of generated) files[`articles/${article.path}`] = article.text;
  Object.assign(files, frontArticles());
  files['articles/2021/brouillon.md'] = article({ title: DRAFT_TITLE, date: '2021-06-01T10:00:00+08:00', draft: true });
  files['articles/2021/embargo.md'] = article({ title: EMBARGOED_TITLE, date: '2021-07-15T10:00:00+08:00' });
  await writeFiles(dir, { ...files, ...extra });
  for (const [path, bytes] of Object.entries(await fixtureImages())) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
}

/**
 * The front page's stories: the newest articles of the fixture, with images
 * (a shared one in `images/`, one beside its article, one under `public/`),
 * a featured one that is not the newest, bodies without standfirst, a table.
 */
function frontArticles(): Record<string, string> {
  const tagged = `tags: ['${FRONT_TAG}', pêche]`;
  const editors = `editors: [${FRONT_EDITOR}]`;
  const image = (src: string, alt: string) => `image:\n  src: ${src}\n  alt: '${alt}'\n  credit: Alix Ferrand`;
  const front = (fields: Parameters<typeof article>[0]) => article({ ...fields, editors });
  return {
    'articles/2021/06/grand-port.md': front({
      title: '[Fictif] Le grand port de Valmorin rouvre ses quais',
      date: '2021-06-28T09:30:00+08:00',
      extra: ['featured: true', tagged, image('../../../images/port.jpg', 'Des barques amarrées au quai')].join('\n'),
      body: [
        'Les quais du grand port de Valmorin rouvrent ce lundi après huit mois de travaux. Les pêcheurs ont retrouvé leurs anneaux dès l’aube, sous un ciel clair.',
        '',
        '![Le phare au bout de la jetée](./phare.jpg "Le phare de Valmorin | Alix Ferrand")',
        '',
        '| Quai | Longueur (m) | Places |',
        '| :--- | ---: | :---: |',
        '| Nord | 320 | 48 |',
        '| Sud | 1 250 | 112 |',
        '',
        'La capitainerie annonce une fête du port pour la fin du mois.',
      ].join('\n'),
    }),
    'articles/2021/06/marche-aux-poissons.md': front({
      title: '[Fictif] Le marché aux poissons de Valmorin change d’horaires',
      date: '2021-06-29T07:00:00+08:00',
      section: 'economie',
      extra: tagged,
      body: 'Le marché ouvrira désormais à six heures. Les mareyeurs l’avaient demandé depuis longtemps, pour vendre avant la chaleur.',
    }),
    'articles/2021/06/regates.md': front({
      title: '[Fictif] Les régates de Valmorin attirent cent voiliers',
      date: '2021-06-26T16:00:00+08:00',
      section: 'culture',
      extra: [tagged, image('../../../images/port.jpg', 'Des voiliers devant la jetée')].join('\n'),
      body: 'Cent voiliers ont pris le départ des régates de Valmorin, un record pour cette course fictive créée trente ans plus tôt.',
    }),
    'articles/2021/06/logo-du-festival.md': front({
      title: '[Fictif] Le festival de Valmorin dévoile son logo',
      date: '2021-06-27T11:00:00+08:00',
      section: 'culture',
      extra: [tagged, image('/logo.png', 'Le logo du festival')].join('\n'),
      body: 'Le festival de Valmorin a présenté son nouveau logo, dessiné par des élèves du lycée maritime.',
    }),
  };
}

/** A minimal valid article, for tests that need one more. */
export function article(fields: {
  title: string;
  date: string;
  section?: string;
  draft?: boolean;
  body?: string;
  extra?: string;
  /** The `editors:` line, e.g. `editors: [Alix Ferrand]`. */
  editors?: string;
}): string {
  return [
    '---',
    `title: '${fields.title.replace(/'/g, "''")}'`,
    `date: ${fields.date}`,
    `section: ${fields.section ?? 'international'}`,
    'source: Agence Fictive',
    fields.editors ?? 'editors: [Alix Ferrand]',
    ...(fields.draft ? ['draft: true'] : []),
    ...(fields.extra ? [fields.extra] : []),
    '---',
    '',
    fields.body ?? 'Texte fictif de démonstration.',
    '',
  ].join('\n');
}

export interface BuildResult {
  code: number | null;
  output: string;
  dist: string;
}

/**
 * Runs the production build (`npm run build`) on `contentDir` with its own cache and output folders.
 * The build is cold, as on a fresh clone, unless `keepCache` asks for the cache an earlier build of this
 * test run left. Always the Node running the tests (24), never the machine's default one.
 */
export async function buildSite(
  name: string,
  contentDir: string,
  env: Record<string, string> = {},
  { keepCache = false }: { keepCache?: boolean } = {},
): Promise<BuildResult> {
  const dir = join(OUTPUT, name);
  const dist = join(dir, 'dist');
  await rm(dist, { recursive: true, force: true });
  if (!keepCache) await rm(join(dir, 'cache'), { recursive: true, force: true });
  return runBuildScript(dist, {
    ...BUILD_ENV,
    ROTATIVE_CONTENT_DIR: contentDir,
    ROTATIVE_CACHE_DIR: join(dir, 'cache'),
    ...env,
  });
}

/** What every fixture build is given on top of the tests' own environment. */
export const BUILD_ENV: Record<string, string> = {
  ASTRO_TELEMETRY_DISABLED: '1',
  ROTATIVE_NOW: FIXTURE_NOW,
  // The fixture's 50 articles make two search bundles, merged in the browser as a large archive's are.
  ROTATIVE_SEARCH_BUNDLE_SIZE: '16',
  NO_COLOR: '1',
};

/**
 * `npm run build -- --outDir <dist>` with `env` on top of the tests' own, holding the Astro lock
 * (tests/support/astro-lock.ts). Always the Node running the tests (24), never the machine's default one.
 */
export function runBuildScript(dist: string, env: Record<string, string>): Promise<BuildResult> {
  return withAstroLock(() => spawnBuild(dist, env));
}

async function spawnBuild(dist: string, env: Record<string, string>): Promise<BuildResult> {
  // The production build: `astro build`, then the search index, as `npm run build` does.
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/build-site.ts'), '--outDir', dist], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output, dist };
}

/** Builds the standard fixture site and fails loudly if the build does. */
export async function buildFixtureSite(name: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const contentDir = join(OUTPUT, name, 'content');
  await writeFixtureContent(contentDir);
  const result = await buildSite(name, contentDir, env);
  if (result.code !== 0) throw new Error(`Fixture build "${name}" failed (exit ${result.code}):\n${result.output}`);
  return result;
}

/** Reads a built page by its site path (`/international/2/` → `international/2/index.html`). */
export function readPage(dist: string, path: string): Promise<string> {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  return readFile(join(dist, file), 'utf8');
}
