/**
 * `npm run build`: builds the site and its search index without ever leaving
 * a half-built `dist/`.
 *
 * `astro build` writes into a temporary folder beside the output folder (the
 * search index included, see `src/integrations/search-index.ts`); only when
 * it succeeds is the old output swapped out and the new one moved in (two
 * renames on one file system). A failed build leaves the previous output
 * untouched, so a deploy step can never pick up a broken site.
 *
 * Usage: npm run build [-- --outDir dist] [-- any other astro build flag]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { outDir: { type: 'string', default: 'dist' } },
  allowPositionals: true,
  strict: false,
});

const out = resolve(String(values.outDir));
const stamp = `${process.pid}-${Date.now()}`;
// Always the same name: Astro's image module holds the output folder, and a name that changed with
// each build would change every page's code hash, so the incremental build would keep no page.
const building = `${out}.building`;
const previous = `${out}.previous-${stamp}`;
const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
const passThrough = [
  ...positionals,
  ...Object.entries(values)
    .filter(([k]) => k !== 'outDir')
    .flatMap(([k, v]) => (v === true ? [`--${k}`] : [`--${k}`, String(v)])),
];

// What an interrupted build left beside the output.
await rm(building, { recursive: true, force: true });
for (const name of await readdir(dirname(out)).catch(() => [] as string[]))
  if (name.startsWith(`${basename(out)}.previous-`))
    await rm(join(dirname(out), name), { recursive: true, force: true });

// One clock for the whole build: the pages, the sitemap and the search index must agree on what is published.
process.env['ROTATIVE_NOW'] ??= new Date().toISOString();

// The Node running this script (24, through npm), never the machine's default one.
const child = spawn(process.execPath, [astro, 'build', '--outDir', building, ...passThrough], { stdio: 'inherit' });
const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));

async function fail(reason: string, exitCode: number): Promise<never> {
  await rm(building, { recursive: true, force: true });
  console.error(`\n${reason}: ${out} was left as it was.`);
  process.exit(exitCode);
}

if (code !== 0) await fail(`Build failed (exit ${code})`, code);

if (existsSync(out)) await rename(out, previous);
await rename(building, out);
console.log(`Site written to ${out}`);
// The previous output goes in a process of its own: the build is done as soon as the new site is in place.
spawn(
  process.execPath,
  ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', previous],
  {
    detached: true,
    stdio: 'ignore',
  },
).unref();
