/**
 * `npm run import -- FILE|-`: turns wire copy pasted from a news portal into an
 * article in `content/articles/` (see `src/lib/wire-copy.ts` for what it reads).
 * When a required field cannot be found it names it and writes nothing; it
 * never replaces an existing article unless `--force` is given.
 */
import { readFile } from 'node:fs/promises';
import { articlePathFor, articleSource } from '#src/lib/article-file.ts';
import { formatProblem } from '#src/lib/problems.ts';
import { parseWireCopy } from '#src/lib/wire-copy.ts';
import {
  articleLocation,
  type CommandIo,
  commandSettings,
  fail,
  loadSections,
  problemsOf,
  processIo,
  readCommandLine,
  runCommand,
  userPath,
  writeNewFile,
} from './common.ts';

const usage = `Usage: npm run import -- <file> [--section <section>] [--dry-run] [--force]
       npm run import -- - < copy.txt

  <file>      wire copy as text, copied from the portal's page; - reads it from standard input
  --section   the section to file it under, instead of the one the breadcrumb names
  --dry-run   print the article's Markdown instead of writing it
  --force     replace an article that already exists at the same path`;

/** `npm run import` with `io`'s arguments, settings, standard input and streams; resolves to the exit code. */
export async function importWire(io: CommandIo): Promise<number> {
  const settings = commandSettings(io);
  const { site } = settings;
  const { values, positionals } = readCommandLine(
    io,
    {
      allowPositionals: true,
      options: {
        section: { type: 'string' },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    usage,
  );

  if (positionals.length !== 1) fail('Expected one file to import (or - for standard input).', '', usage);
  const input = positionals[0]!;
  const name = input === '-' ? 'stdin' : input;

  let text: string;
  try {
    text = input === '-' ? await io.stdin() : await readFile(userPath(io, input), 'utf8');
  } catch (error) {
    fail(`${name}: cannot read it: ${(error as Error).message}`);
  }

  const sections = await loadSections(settings);
  const { copy, problems, notes } = parseWireCopy(text, {
    timeZone: site.timeZone,
    now: site.now,
    sections,
    section: values.section,
  });
  for (const note of notes) io.stderr.write(`${name}: warning: ${note.field}: ${note.message}\n`);
  if (!copy) {
    fail(
      ...problems.map(
        (p) =>
          `${name}: ${p.field}: ${p.message}${p.field === 'section' && values.section === undefined ? ' (or choose one with --section)' : ''}`,
      ),
      'Nothing written.',
    );
  }

  const pathInArticles = articlePathFor(copy.fields.title, copy.fields.date, site.timeZone);
  if (!pathInArticles)
    fail(`${name}: title: "${copy.fields.title}" has no letter or digit to make a file name from`, 'Nothing written.');
  const markdown = articleSource(copy.fields, copy.body, site.timeZone);
  const { absolute, file } = articleLocation(settings, pathInArticles);
  const found = await problemsOf(settings, markdown, file, pathInArticles, sections);
  if (found.some((p) => p.severity === 'error')) fail(...found.map(formatProblem), 'Nothing written.');
  if (found.length > 0) io.stderr.write(`${found.map(formatProblem).join('\n')}\n`);

  if (values['dry-run']) {
    io.stdout.write(markdown);
    return 0;
  }
  if (!(await writeNewFile(absolute, markdown, values.force))) {
    fail(`${file}: already exists: nothing written (use --force to replace it)`);
  }
  io.stdout.write(`Imported ${name} as ${file}\n`);
  return 0;
}

if (import.meta.main) process.exitCode = await runCommand(importWire, processIo());
