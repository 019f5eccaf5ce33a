/**
 * `npm run build [-- --outDir dist] [-- astro build flags]`: `astro build` (search
 * index included) into a folder beside the output, swapped in only when it
 * succeeds, so a failed build leaves the previous site for the deploy step.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Output } from './common.ts';

/** Runs `astro` with `args` and `env`; resolves to its exit code. */
export type AstroRunner = (
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
) => Promise<number>;

export interface BuildIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The build's clock, unless `ROTATIVE_NOW` pins it. */
  now: Date;
  /** Where a relative `--outDir` is read from. */
  cwd: string;
  /** Names the previous output while it is being removed. */
  pid: number;
  stdout: Output;
  stderr: Output;
  astro: AstroRunner;
  /** Deletes a folder without keeping the build waiting. */
  removeLater: (path: string) => void;
}

/** The folders and the `astro build` command line for `argv`. */
export function buildPlan(
  argv: readonly string[],
  cwd: string,
  stamp: string,
): { out: string; building: string; previous: string; astroArgs: string[] } {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { outDir: { type: 'string', default: 'dist' } },
    allowPositionals: true,
    strict: false,
  });
  const out = resolve(cwd, String(values.outDir));
  // Always the same name: Astro's image module holds the output folder, and a name that changed with
  // each build would change every page's code hash, so the incremental build would keep no page.
  const building = `${out}.building`;
  const passThrough = [
    ...positionals,
    ...Object.entries(values)
      .filter(([k]) => k !== 'outDir')
      .flatMap(([k, v]) => (v === true ? [`--${k}`] : [`--${k}`, String(v)])),
  ];
  return {
    out,
    building,
    previous: `${out}.previous-${stamp}`,
    astroArgs: ['build', '--outDir', building, ...passThrough],
  };
}

/** `npm run build` with `io`'s arguments, clock and Astro; resolves to the exit code. */
export async function buildSite(io: BuildIo): Promise<number> {
  const { out, building, previous, astroArgs } = buildPlan(io.argv, io.cwd, `${io.pid}-${io.now.getTime()}`);

  // What an interrupted build left beside the output.
  await rm(building, { recursive: true, force: true });
  for (const name of await readdir(dirname(out)).catch(() => [] as string[]))
    if (name.startsWith(`${basename(out)}.previous-`))
      await rm(join(dirname(out), name), { recursive: true, force: true });

  // One clock for the whole build: the pages, the sitemap and the search index must agree on what is published.
  const code = await io.astro(astroArgs, { ...io.env, ROTATIVE_NOW: io.env['ROTATIVE_NOW'] ?? io.now.toISOString() });
  if (code !== 0) {
    await rm(building, { recursive: true, force: true });
    io.stderr.write(`\nBuild failed (exit ${code}): ${out} was left as it was.\n`);
    return code;
  }

  if (existsSync(out)) await rename(out, previous);
  await rename(building, out);
  io.stdout.write(`Site written to ${out}\n`);
  // The build is done as soon as the new site is in place.
  if (existsSync(previous)) io.removeLater(previous);
  return 0;
}

if (import.meta.main) {
  const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));
  process.exitCode = await buildSite({
    argv: process.argv.slice(2),
    env: process.env,
    now: new Date(),
    cwd: process.cwd(),
    pid: process.pid,
    stdout: process.stdout,
    stderr: process.stderr,
    // The Node running this script (24, through npm), never the machine's default one.
    astro: (args, env) =>
      new Promise((done) =>
        spawn(process.execPath, [astro, ...args], { stdio: 'inherit', env }).on('close', (c) => done(c ?? 1)),
      ),
    // In a process of its own, which outlives this one.
    removeLater: (path) =>
      spawn(
        process.execPath,
        ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', path],
        { detached: true, stdio: 'ignore' },
      ).unref(),
  });
}
