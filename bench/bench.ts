/**
 * `npm run bench -- --articles 10000`: measures the production build on a
 * generated, clearly fictional corpus, the content checker on the same corpus,
 * and a "publish" (one new article, rebuilt with the cache CI keeps).
 *
 * Prints wall time, CPU time, peak RSS of the whole build process tree, pages
 * written and ms per article, and writes the figures to bench/.output/*.json.
 * Timings belong here, never in tests.
 *
 * Options: --articles N (10000), --seed S (42), --keep (leave the corpus and
 * output in place), --skip-publish, --verify (after publishing, build the same
 * corpus cold and compare the two outputs byte for byte), --check-only (no
 * build: run the content checker --runs times, 5 by default, and report each run),
 * --dev (the live preview instead: see bench/dev-preview.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  generateCorpus,
  isoBeijing,
  sectionsYaml,
  type SectionSpec,
  writeFiles,
} from '../tests/support/synthetic-corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

// The live preview has its own measurements (bench/dev-preview.ts).
if (process.argv.includes('--dev')) {
  await import('./dev-preview.ts');
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
    'skip-publish': { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    'check-only': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 1)
  throw new Error(`--articles: expected a whole number of 1 or more, got ${values.articles}`);

const sections: SectionSpec[] = [
  'international',
  'chine',
  'economie',
  'societe',
  'culture',
  'sport',
  'sciences',
  'opinions',
].map((slug) => ({
  slug,
  name: slug.charAt(0).toUpperCase() + slug.slice(1),
  description: `Rubrique ${slug} (fictive, pour le banc d’essai).`,
  weight: 1,
}));

const work = join(tmpdir(), `rotative-bench-${count}`);
const content = join(work, 'content');
const dist = join(work, 'dist');
const cache = join(work, 'cache');
const START = new Date('2020-01-01T00:00:00Z');
const STEP_MINUTES = 53;
// The build's clock: just after the last generated article.
const lastDate = new Date(START.getTime() + (count - 1) * STEP_MINUTES * 60_000);
const now = isoBeijing(new Date(lastDate.getTime() + 3600_000));

interface Measure {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  exitCode: number | null;
  /** Everything the command printed (Astro's log gives the time of each build phase). */
  output: string;
}

/** Resident memory (kB) and CPU ticks of every process in the tree under `pid`. */
async function sampleTree(pid: number): Promise<{ rssKb: number; ticks: Map<number, number> }> {
  let rssKb = 0;
  const ticks = new Map<number, number>();
  const visit = async (p: number): Promise<void> => {
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const stat = (await readFile(`/proc/${p}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      // utime and stime are fields 14 and 15 of stat; after "comm)" they are at 11 and 12.
      ticks.set(p, Number(stat[11]) + Number(stat[12]));
      for (const task of await readdir(`/proc/${p}/task`)) {
        const children = (await readFile(`/proc/${p}/task/${task}/children`, 'utf8')).trim();
        for (const child of children ? children.split(' ') : []) await visit(Number(child));
      }
    } catch {
      // The process ended between two reads.
    }
  };
  await visit(pid);
  return { rssKb, ticks };
}

/** Runs a command, sampling its process tree every 50 ms for peak RSS and CPU time. */
async function measure(args: string[], env: Record<string, string>, label: string): Promise<Measure> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let peakKb = 0;
  const cpuTicks = new Map<number, number>();
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => ((running = false), resolve(code))),
  );
  while (running) {
    const sample = await sampleTree(child.pid!);
    peakKb = Math.max(peakKb, sample.rssKb);
    for (const [p, t] of sample.ticks) cpuTicks.set(p, Math.max(cpuTicks.get(p) ?? 0, t));
    await new Promise((r) => setTimeout(r, 50));
  }
  const exitCode = await exited;
  const wallSeconds = (performance.now() - started) / 1000;
  if (exitCode !== 0) {
    console.error(output);
    throw new Error(`${label} failed with exit ${exitCode}`);
  }
  // Linux reports CPU in clock ticks of 1/100 s.
  const cpuSeconds = [...cpuTicks.values()].reduce((a, b) => a + b, 0) / 100;
  return { wallSeconds, cpuSeconds, peakRssMB: peakKb / 1024, exitCode, output };
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}

const buildEnv = {
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  ROTATIVE_CONTENT_DIR: content,
  ROTATIVE_CACHE_DIR: cache,
  ROTATIVE_NOW: now,
};
const build = (outDir: string, env = buildEnv) =>
  measure([join(ROOT, 'src/cli/build-site.ts'), '--outDir', outDir], env, 'build');

async function sameTree(a: string, b: string): Promise<string[]> {
  const list = async (d: string) =>
    (await readdir(d, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(d, join(e.parentPath, e.name)))
      .sort();
  const [la, lb] = await Promise.all([list(a), list(b)]);
  if (la.join('\n') !== lb.join('\n')) return ['(different file lists)'];
  const differ: string[] = [];
  for (const f of la) if (!(await readFile(join(a, f))).equals(await readFile(join(b, f)))) differ.push(f);
  return differ;
}

const figures = (m: Measure | undefined) => {
  if (!m) return undefined;
  const { output: _output, ...rest } = m;
  return rest;
};
const outDir = join(ROOT, 'bench', '.output');
const row = (label: string, m: Measure | undefined) =>
  m
    ? `| ${label} | ${m.wallSeconds.toFixed(2)} s | ${m.cpuSeconds.toFixed(2)} s | ${m.peakRssMB.toFixed(0)} MB |`
    : `| ${label} | — | — | — |`;

console.log(`Generating ${count} fictional articles in ${work} …`);
await rm(work, { recursive: true, force: true });
const corpus = generateCorpus({
  count,
  seed: Number(values.seed),
  sections,
  start: START,
  stepMinutes: STEP_MINUTES,
  paragraphs: 12,
});
const files: Record<string, string> = { 'sections.yaml': sectionsYaml(sections) };
for (const a of corpus) files[`articles/${a.path}`] = a.text;
await writeFiles(content, files);
const words = Math.round(
  corpus.reduce((n, a) => n + a.text.split('\n---\n')[1]!.split(/\s+/).length, 0) / corpus.length,
);

if (values['check-only']) {
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: expected a whole number of 1 or more, got ${values.runs}`);
  console.log(`Content checker, ${runs} runs …`);
  const measures: Measure[] = [];
  for (let i = 0; i < runs; i++) measures.push(await measure([join(ROOT, 'src/cli/check.ts')], buildEnv, 'check'));
  const walls = measures.map((m) => m.wallSeconds).sort((a, b) => a - b);
  console.log('\n| run | wall | CPU | peak RSS |\n|---|---|---|---|');
  for (const [i, m] of measures.entries()) console.log(row(`check ${i + 1}`, m));
  console.log(`\nmedian ${walls[Math.floor(walls.length / 2)]!.toFixed(2)} s, fastest ${walls[0]!.toFixed(2)} s`);
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, `bench-${count}-check.json`),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, articles: count, runs: measures.map(figures) }, null, 2)}\n`,
  );
  if (!values.keep) await rm(work, { recursive: true, force: true });
  process.exit(0);
}

console.log('Cold production build …');
const cold = await build(dist);
const pages = await countPages(dist);

let check: Measure | undefined;
if (existsSync(join(ROOT, 'src/cli/check.ts'))) {
  console.log('Content checker …');
  check = await measure([join(ROOT, 'src/cli/check.ts')], buildEnv, 'check');
}

let publish: Measure | undefined;
let verified: string[] | undefined;
if (!values['skip-publish']) {
  console.log('Publish: one new article, rebuilt with the kept cache …');
  const date = new Date(lastDate.getTime() + 30 * 60_000);
  const newArticle = [
    '---',
    "title: '[Fictif] Dernière minute : la ville imaginaire de Valmorin publie un article'",
    `date: ${isoBeijing(date)}`,
    'section: international',
    'source: Agence Fictive',
    'editors: [Alix Ferrand]',
    '---',
    '',
    'Texte fictif publié pour mesurer la mise en ligne d’un article.',
    '',
  ].join('\n');
  await writeFiles(content, { 'articles/bench/derniere-minute.md': newArticle });
  publish = await build(dist);
  if (values.verify) {
    console.log('Verify: cold build of the same corpus, compared byte for byte …');
    const coldDist = join(work, 'dist-cold');
    await build(coldDist, { ...buildEnv, ROTATIVE_CACHE_DIR: join(work, 'cache-cold') });
    verified = await sameTree(dist, coldDist);
  }
}

await mkdir(outDir, { recursive: true });
for (const [step, m] of Object.entries({ cold, check, publish }))
  if (m) await writeFile(join(outDir, `bench-${count}-${step}.log`), m.output);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  articles: count,
  wordsPerArticle: words,
  pages,
  cold: { ...figures(cold), msPerArticle: (cold.wallSeconds * 1000) / count },
  check: figures(check),
  publish: figures(publish),
  publishMatchesCold: verified === undefined ? undefined : verified.length === 0,
  publishDifferences: verified?.slice(0, 20),
};

console.log(
  `\n${count} articles (~${words} words), ${pages} pages written, ${results.cold.msPerArticle.toFixed(2)} ms per article (cold)\n`,
);
console.log('| step | wall | CPU | peak RSS |\n|---|---|---|---|');
console.log(row('cold build', cold));
console.log(row('content checker', check));
console.log(row('publish one article', publish));
if (verified)
  console.log(
    verified.length === 0
      ? '\nPublish output is byte-identical to a cold build.'
      : `\nPublish output differs from a cold build: ${verified.join(', ')}`,
  );

await writeFile(join(outDir, `bench-${count}.json`), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to bench/.output/bench-${count}.json, build logs to bench/.output/bench-${count}-*.log`);
if (!values.keep) await rm(work, { recursive: true, force: true });
