/**
 * `npm run bench -- --dev [--articles 2000] [--runs 5]`: times the editors' live preview on the seed and on a generated
 * corpus, from starting `astro dev` to the first page (empty cache, then kept) and from a saved headline to the page.
 * Warning: it empties the project's own `.astro/data-store.json` (the dev server's content store, a cache) before
 * each cold start.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type DevServer, freePort, startDevServer } from '../tests/support/dev-server.ts';
import { generateCorpus, isoBeijing, sectionsYaml, writeFiles } from '../tests/support/synthetic-corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const { values } = parseArgs({
  options: {
    dev: { type: 'boolean' },
    articles: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const count = Number(values.articles);
const runs = Number(values.runs);
if (!Number.isInteger(count) || count < 1)
  throw new Error(`--articles: expected a whole number, got ${values.articles}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number, got ${values.runs}`);

/** Seconds until `state` holds, polling every 10 ms; fails after two minutes, with the server's output. */
async function secondsUntil(
  state: () => Promise<boolean>,
  server: DevServer,
  started = performance.now(),
): Promise<number> {
  while (performance.now() - started < 120_000) {
    if (await state().catch(() => false)) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await server.stop();
  throw new Error(`gave up after two minutes; the server said:\n${server.output()}`);
}

const shows = (url: string, text: string) => async () => {
  const response = await fetch(url);
  return response.status === 200 && (await response.text()).includes(text);
};

interface Figures {
  label: string;
  files: number;
  coldFirstPage: number;
  warmFirstPage: number;
  saveToPage: number[];
}

/** Times one content folder; `article` is a file in it and `url` its page. */
async function time(
  label: string,
  content: string,
  article: string,
  url: string,
  now: string,
  lastId: string,
): Promise<Figures> {
  const cache = join(content, '..', 'cache');
  const files = Number(/(\d+) files?,/.exec(await runCheck(content, now))?.[1] ?? 0);
  // One port for both starts, as an editor's `npm run dev` keeps 4321: Astro's content store
  // counts the port as part of the configuration, and clears itself when it changes.
  const port = await freePort();
  const first = async (cold: boolean) => {
    if (cold) {
      await rm(cache, { recursive: true, force: true });
      await rm(join(ROOT, '.astro', 'data-store.json'), { force: true });
    }
    const started = performance.now();
    const server = await startDevServer({ content, cache, now, port });
    const seconds = await secondsUntil(async () => (await fetch(server.base)).status === 200, server, started);
    return { server, seconds };
  };
  const cold = await first(true);
  // Astro saves its content store half a second after the last change: the warm start needs it.
  const store = join(ROOT, '.astro', 'data-store.json');
  await secondsUntil(async () => (await readFile(store, 'utf8')).includes(lastId), cold.server);
  await cold.server.stop();
  const warm = await first(false);
  const saveToPage: number[] = [];
  const original = await readFile(article, 'utf8');
  for (let i = 1; i <= runs; i++) {
    const mark = `Édition ${i} de l’aperçu`;
    const started = performance.now();
    await writeFile(article, original.replace(/^title: '/m, `title: '${mark} `));
    saveToPage.push(await secondsUntil(shows(new URL(url, warm.server.base).href, mark), warm.server, started));
  }
  await writeFile(article, original);
  await warm.server.stop();
  return { label, files, coldFirstPage: cold.seconds, warmFirstPage: warm.seconds, saveToPage };
}

async function runCheck(content: string, now: string): Promise<string> {
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/check.ts')], {
    cwd: ROOT,
    env: { ...process.env, ROTATIVE_CONTENT_DIR: content, ROTATIVE_NOW: now, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  return output;
}

// One folder per checkout: several checkouts of the project may share a machine and its /tmp.
const work = join(
  tmpdir(),
  `rotative-bench-dev-${count}-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`,
);
await rm(work, { recursive: true, force: true });

// The seed: the project's own content folder.
const seedContent = join(work, 'seed', 'content');
await mkdir(seedContent, { recursive: true });
await cp(join(ROOT, 'content'), seedContent, { recursive: true });
const seedPath = 'articles/2021/05/la-russie-et-les-etats-unis-recherchent-la-cooperation-dans.md';
const seedUrl = '/international/2021/05/21/la-russie-et-les-etats-unis-recherchent-la-cooperation-dans/';

// The generated corpus, as `npm run bench` makes it.
const corpusContent = join(work, 'corpus', 'content');
const start = new Date('2020-01-01T00:00:00Z');
const corpus = generateCorpus({ count, seed: 42, start, stepMinutes: 53, paragraphs: 12 });
const files: Record<string, string> = { 'sections.yaml': sectionsYaml() };
for (const a of corpus) files[`articles/${a.path}`] = a.text;
await writeFiles(corpusContent, files);
const last = corpus.at(-1)!;
const corpusNow = isoBeijing(new Date(last.date.getTime() + 3600_000));
const lastUrl = `/${last.section}/${isoBeijing(last.date).slice(0, 10).replace(/-/g, '/')}/${last.path.split('/').pop()!.replace(/\.md$/, '')}/`;

console.log(`Live preview: the seed, then ${count} generated articles (${runs} edits each) …`);
const results = [
  await time(
    'seed',
    seedContent,
    join(seedContent, seedPath),
    seedUrl,
    '2021-05-21T10:00:00+08:00',
    seedPath.replace(/^articles\/|\.md$/g, ''),
  ),
  await time(
    `${count} articles`,
    corpusContent,
    join(corpusContent, 'articles', last.path),
    lastUrl,
    corpusNow,
    last.id,
  ),
];

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
console.log(
  '\n| content | files | first page, empty cache | first page, cache kept | save to updated page (median, range) |',
);
console.log('|---|---|---|---|---|');
for (const r of results)
  console.log(
    `| ${r.label} | ${r.files} | ${r.coldFirstPage.toFixed(1)} s | ${r.warmFirstPage.toFixed(1)} s | ${median(r.saveToPage).toFixed(2)} s (${Math.min(...r.saveToPage).toFixed(2)}–${Math.max(...r.saveToPage).toFixed(2)} s) |`,
  );
const outDir = join(ROOT, 'bench', '.output');
await mkdir(outDir, { recursive: true });
await writeFile(
  join(outDir, `bench-dev-${count}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
);
if (!values.keep) await rm(work, { recursive: true, force: true });
