/**
 * `npm run bench -- --articles 10000`: times the production build on a generated, clearly fictional corpus
 * (cold build, content checker, an unchanged rebuild, publish, template change, push to artifact) against Hugo +
 * Pagefind on the same corpus.
 * It works in a copy of the project at a fixed place, installed with `npm ci`: Astro's incremental cache is only valid
 * where it was written, and the template change must never touch the project. Options and what each figure means:
 * README, Performance. Timings belong here, never in tests.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
import { writeHugoSite } from './hugo-site.ts';

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
    'skip-hugo': { type: 'boolean', default: false },
    'skip-path': { type: 'boolean', default: false },
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

// One folder per project copy: engineers sharing a machine must not delete each other's runs.
const work = join(tmpdir(), `rotative-bench-${count}-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`);
const project = join(work, 'project');
const content = join(work, 'content');
const dist = join(work, 'dist');
const cache = join(work, 'cache');
const START = new Date('2020-01-01T00:00:00Z');
const STEP_MINUTES = 53;
// The build's clock: just after the last generated article.
const lastDate = new Date(START.getTime() + (count - 1) * STEP_MINUTES * 60_000);
const now = isoBeijing(new Date(lastDate.getTime() + 3600_000));

/** Phases of a build, from the moments Astro's log lines arrive. */
const PHASES: [name: string, marker: RegExp][] = [
  ['start-up', /\[content\] Syncing content/],
  ['content sync', /\[content\] Synced content/],
  ['bundling', /generating static routes/],
  ['pages', /✓ Completed in [\d.]+m?s\./],
  ['after the pages (sitemap, page digests, search wait)', /\[build\] Complete!/],
];

interface Measure {
  wallSeconds: number;
  cpuSeconds: number;
  /** Peak RSS of the whole process tree. */
  treeRssMB: number;
  /** Peak RSS of the largest single process, and its command. */
  processRssMB: number;
  process: string;
  /** Seconds spent in each phase, when the output has the markers. */
  phases: Record<string, number>;
  exitCode: number | null;
  /** Everything the command printed. */
  output: string;
}

interface Sample {
  rssKb: Map<number, number>;
  ticks: Map<number, number>;
  names: Map<number, string>;
}

/** Resident memory (kB), CPU ticks and command of every process in the tree under `pid`. */
async function sampleTree(pid: number): Promise<Sample> {
  const sample: Sample = { rssKb: new Map(), ticks: new Map(), names: new Map() };
  const visit = async (p: number): Promise<void> => {
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      sample.rssKb.set(p, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      sample.names.set(p, /Name:\s+(\S+)/.exec(status)?.[1] ?? '?');
      const stat = (await readFile(`/proc/${p}/stat`, 'utf8')).split(') ')[1]!.split(' ');
      // utime and stime are fields 14 and 15 of stat; after "comm)" they are at 11 and 12.
      sample.ticks.set(p, Number(stat[11]) + Number(stat[12]));
      for (const task of await readdir(`/proc/${p}/task`)) {
        const children = (await readFile(`/proc/${p}/task/${task}/children`, 'utf8')).trim();
        for (const child of children ? children.split(' ') : []) await visit(Number(child));
      }
    } catch {
      // The process ended between two reads.
    }
  };
  await visit(pid);
  return sample;
}

/** Runs a command, sampling its process tree every 50 ms for peak RSS and CPU time, and timing its phases. */
async function measure(
  command: string,
  args: string[],
  env: Record<string, string>,
  label: string,
  cwd = ROOT,
): Promise<Measure> {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const marks: number[] = [];
  let searched = 0;
  child.stdout.on('data', (c: Buffer) => {
    const text = c.toString();
    // Each phase ends at its marker, looked for after the previous one, in what just arrived
    // (and the end of what came before, where a marker may have begun).
    let from = Math.max(searched, output.length - 200);
    output += text;
    for (let match; marks.length < PHASES.length && (match = PHASES[marks.length]![1].exec(output.slice(from)));) {
      marks.push(performance.now());
      searched = from + match.index + match[0].length;
      from = searched;
    }
  });
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  let treeKb = 0;
  let processKb = 0;
  let processName = '';
  const cpuTicks = new Map<number, number>();
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => ((running = false), resolve(code))),
  );
  while (running) {
    const sample = await sampleTree(child.pid!);
    treeKb = Math.max(
      treeKb,
      [...sample.rssKb.values()].reduce((a, b) => a + b, 0),
    );
    for (const [p, kb] of sample.rssKb) if (kb > processKb) [processKb, processName] = [kb, sample.names.get(p) ?? '?'];
    for (const [p, t] of sample.ticks) cpuTicks.set(p, Math.max(cpuTicks.get(p) ?? 0, t));
    await new Promise((r) => setTimeout(r, 50));
  }
  const exitCode = await exited;
  const end = performance.now();
  if (exitCode !== 0) {
    console.error(output);
    throw new Error(`${label} failed with exit ${exitCode}`);
  }
  const phases: Record<string, number> = {};
  let from = started;
  for (const [i, at] of marks.entries()) {
    phases[PHASES[i]![0]] = (at - from) / 1000;
    from = at;
  }
  if (marks.length === PHASES.length) phases['output swap and exit'] = (end - from) / 1000;
  const search = /Search index: .*, ([\d.]+) s while the pages were written/.exec(output)?.[1];
  if (search) phases['search index (alongside the pages)'] = Number(search);
  // Linux reports CPU in clock ticks of 1/100 s.
  const cpuSeconds = [...cpuTicks.values()].reduce((a, b) => a + b, 0) / 100;
  return {
    wallSeconds: (end - started) / 1000,
    cpuSeconds,
    treeRssMB: treeKb / 1024,
    processRssMB: processKb / 1024,
    process: processName,
    phases,
    exitCode,
    output,
  };
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
  measure(process.execPath, [join(project, 'src/cli/build-site.ts'), '--outDir', outDir], env, 'build', project);

const npmCli = process.env['npm_execpath'];
if (!npmCli) throw new Error('Run the benchmark with `npm run bench`: it installs a copy of the project with npm.');
const npm = (args: string[], env: Record<string, string> = {}) =>
  measure(process.execPath, [npmCli, ...args], env, `npm ${args.join(' ')}`, project);

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

/** One more fictional article, dated after the others, in `section`. */
function newArticle(slug: string, minutesAfterLast: number, section = 'international'): Record<string, string> {
  const date = new Date(lastDate.getTime() + minutesAfterLast * 60_000);
  const text = [
    '---',
    `title: '[Fictif] Dernière minute : la ville imaginaire de Valmorin publie un article (${slug})'`,
    `date: ${isoBeijing(date)}`,
    `section: ${section}`,
    'source: Agence Fictive',
    'editors: [Alix Ferrand]',
    '---',
    '',
    'Texte fictif publié pour mesurer la mise en ligne d’un article.',
    '',
  ].join('\n');
  return { [`articles/bench/${slug}.md`]: text };
}

/** Whether a command runs at all. */
function installed(command: string): boolean {
  try {
    execFileSync(command, ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

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

const figures = (m: Measure | undefined) => {
  if (!m) return undefined;
  const { output: _output, ...rest } = m;
  return rest;
};
const outDir = join(ROOT, 'bench', '.output');
const mb = (n: number) => `${n.toFixed(0)} MB`;

if (values['check-only']) {
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs: expected a whole number of 1 or more, got ${values.runs}`);
  console.log(`Content checker, ${runs} runs …`);
  const measures: Measure[] = [];
  for (let i = 0; i < runs; i++)
    measures.push(await measure(process.execPath, [join(ROOT, 'src/cli/check.ts')], buildEnv, 'check'));
  const walls = measures.map((m) => m.wallSeconds).sort((a, b) => a - b);
  console.log('\n| run | wall | CPU | peak RSS |\n|---|---|---|---|');
  for (const [i, m] of measures.entries())
    console.log(
      `| check ${i + 1} | ${m.wallSeconds.toFixed(2)} s | ${m.cpuSeconds.toFixed(2)} s | ${mb(m.processRssMB)} |`,
    );
  console.log(`\nmedian ${walls[Math.floor(walls.length / 2)]!.toFixed(2)} s, fastest ${walls[0]!.toFixed(2)} s`);
  await mkdir(outDir, { recursive: true });
  await writeFile(
    join(outDir, `bench-${count}-check.json`),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, articles: count, runs: measures.map(figures) }, null, 2)}\n`,
  );
  if (!values.keep) await rm(work, { recursive: true, force: true });
  process.exit(0);
}

console.log(`Copying the project to ${project} and installing it (npm ci) …`);
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\0')
  .filter((f) => f !== '' && existsSync(join(ROOT, f)));
for (const file of tracked) {
  await mkdir(join(project, file, '..'), { recursive: true });
  await copyFile(join(ROOT, file), join(project, file));
}
await npm(['ci', '--prefer-offline', '--no-audit', '--no-fund']);

const results: Record<string, Measure | undefined> = {};
const notes: string[] = [];

if (!values['skip-hugo'] && installed('hugo')) {
  console.log('Hugo, then Pagefind’s full index of its output, on the same corpus …');
  const hugoDir = join(work, 'hugo');
  await writeHugoSite(hugoDir, corpus, sections);
  results['hugo'] = await measure('hugo', ['--quiet', '--source', hugoDir], {}, 'hugo');
  const runner = join(project, 'node_modules/pagefind/lib/runner/bin.cjs');
  results['pagefind'] = await measure(process.execPath, [runner, '--site', join(hugoDir, 'public')], {}, 'pagefind');
} else if (!values['skip-hugo']) {
  notes.push('Hugo is not installed (apt-get install hugo): no Hugo + Pagefind comparison in this run.');
}

console.log('Cold production build …');
results['cold'] = await build(dist);
const pages = await countPages(dist);

console.log('Content checker …');
results['check'] = await measure(process.execPath, [join(project, 'src/cli/check.ts')], buildEnv, 'check', project);

let verified: string[] | undefined;
if (!values['skip-publish']) {
  // The floor of any publish on this stack: everything a build does with the kept cache when no file changed.
  console.log('Unchanged: the same content rebuilt with the kept cache …');
  results['unchanged'] = await build(dist);

  console.log('Publish: one new article, rebuilt with the kept cache …');
  await writeFiles(content, newArticle('derniere-minute', 30));
  results['publish'] = await build(dist);
  if (values.verify) {
    console.log('Verify: cold build of the same corpus, compared byte for byte …');
    const coldDist = join(work, 'dist-cold');
    await build(coldDist, { ...buildEnv, ROTATIVE_CACHE_DIR: join(work, 'cache-cold') });
    verified = await sameTree(dist, coldDist);
    await rm(join(work, 'cache-cold'), { recursive: true, force: true });
  }

  console.log('Template change: one component edited (the footer, on every page), rebuilt with the kept cache …');
  const component = join(project, 'src/components/SiteFooter.astro');
  const original = await readFile(component, 'utf8');
  await writeFile(
    component,
    original.replace('<footer class="site-footer">', '<footer class="site-footer" data-bench>'),
  );
  results['template'] = await build(dist);

  if (!values['skip-path']) {
    // As CI does for a push of articles: install with npm's cache, check, build with the kept build cache.
    console.log('Push to artifact: npm ci with the npm cache, check, build with the kept cache …');
    await writeFiles(content, newArticle('derniere-minute-2', 45));
    results['path: npm ci'] = await npm(['ci', '--prefer-offline', '--no-audit', '--no-fund']);
    results['path: check'] = await npm(['run', 'check'], buildEnv);
    results['path: build'] = await npm(['run', 'build', '--', '--outDir', dist], buildEnv);
  }
}

await mkdir(outDir, { recursive: true });
for (const [step, m] of Object.entries(results))
  if (m) await writeFile(join(outDir, `bench-${count}-${step.replace(/[^a-z]+/g, '-')}.log`), m.output);

const yardstick =
  results['hugo'] && results['pagefind'] ? results['hugo'].wallSeconds + results['pagefind'].wallSeconds : undefined;
const pathSeconds = ['path: npm ci', 'path: check', 'path: build'].reduce(
  (sum, step) => sum + (results[step]?.wallSeconds ?? NaN),
  0,
);
const ratios = {
  unchangedToHugoPagefind: yardstick && results['unchanged'] ? results['unchanged'].wallSeconds / yardstick : undefined,
  publishToHugoPagefind: yardstick && results['publish'] ? results['publish'].wallSeconds / yardstick : undefined,
  coldToHugoPagefind: yardstick && results['cold'] ? results['cold'].wallSeconds / yardstick : undefined,
  templateToCold:
    results['template'] && results['cold'] ? results['template'].wallSeconds / results['cold'].wallSeconds : undefined,
};

const summary = {
  date: new Date().toISOString(),
  node: process.version,
  articles: count,
  wordsPerArticle: words,
  pages,
  msPerArticleCold: results['cold'] ? (results['cold'].wallSeconds * 1000) / count : undefined,
  steps: Object.fromEntries(Object.entries(results).map(([k, m]) => [k, figures(m)])),
  hugoPlusPagefindSeconds: yardstick,
  pushToArtifactSeconds: Number.isNaN(pathSeconds) ? undefined : pathSeconds,
  ratios,
  publishMatchesCold: verified === undefined ? undefined : verified.length === 0,
  publishDifferences: verified?.slice(0, 20),
  notes,
};

console.log(`\n${count} articles (~${words} words), ${pages} pages written\n`);
console.log('| step | wall | CPU | largest process | process tree |\n|---|---|---|---|---|');
for (const [step, m] of Object.entries(results))
  if (m)
    console.log(
      `| ${step} | ${m.wallSeconds.toFixed(1)} s | ${m.cpuSeconds.toFixed(1)} s | ${mb(m.processRssMB)} (${m.process}) | ${mb(m.treeRssMB)} |`,
    );
if (yardstick) console.log(`\nHugo + Pagefind: ${yardstick.toFixed(1)} s`);
if (!Number.isNaN(pathSeconds)) console.log(`Push to artifact (npm ci, check, build): ${pathSeconds.toFixed(1)} s`);
for (const [name, ratio] of Object.entries(ratios))
  if (ratio !== undefined) console.log(`${name}: ${ratio.toFixed(2)}`);
for (const [step, m] of Object.entries(results)) {
  const phases = Object.entries(m?.phases ?? {});
  if (phases.length > 0) console.log(`\n${step}: ${phases.map(([p, s]) => `${p} ${s.toFixed(1)} s`).join(', ')}`);
}
if (verified)
  console.log(
    verified.length === 0
      ? '\nPublish output is byte-identical to a cold build.'
      : `\nPublish output differs from a cold build: ${verified.join(', ')}`,
  );
for (const note of notes) console.log(`\nNote: ${note}`);

await writeFile(join(outDir, `bench-${count}.json`), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\nFigures written to bench/.output/bench-${count}.json, logs to bench/.output/bench-${count}-*.log`);
if (!values.keep) await rm(work, { recursive: true, force: true });
