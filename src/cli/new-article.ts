/**
 * `npm run new -- --section … --title "…"`: starts a draft under
 * `content/articles/<yyyy>/<mm>/`, dated now in the site's zone, every field
 * written out (the optional ones as comments); it passes the checker and never
 * replaces a file. The editor defaults to `ROTATIVE_EDITOR`.
 */
import { type ArticleFields, articlePathFor, articleSource, oneLine, splitNames } from '#src/lib/article-file.ts';
import { parseIsoWithOffset, zonedInstant } from '#src/lib/dates.ts';
import { formatProblem } from '#src/lib/problems.ts';
import { readDateTime, sectionFromName, sectionList } from '#src/lib/wire-copy.ts';
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
  writeNewFile,
} from './common.ts';

/** `npm run new` with `io`'s arguments, settings, clock and streams; resolves to the exit code. */
export async function newArticle(io: CommandIo): Promise<number> {
  const settings = commandSettings(io);
  const { site } = settings;
  const usage = `Usage: npm run new -- --section <section> --title "<headline>" [--editors "<name>, <name>"] [--source <agency>] [--date <ISO 8601>]

  --section   a section slug or name from ${site.contentDir}/sections.yaml
  --title     the headline; the file name is made from it
  --editors   the editors who handle the copy, separated by commas.
              Default: the name in the ROTATIVE_EDITOR environment variable
  --source    agency or author (default: ${site.name})
  --date      publication date and time, e.g. 2021-05-21T08:19:00+08:00; without an offset
              (2021-05-21T08:19, 21.05.2021 08h19) it is read in ${site.timeZone}. Default: now.`;

  const { values } = readCommandLine(
    io,
    {
      options: {
        section: { type: 'string' },
        title: { type: 'string' },
        source: { type: 'string' },
        editors: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    usage,
  );

  const sections = await loadSections(settings);
  const validSections = sectionList(sections);
  const problems: string[] = [];

  const section = values.section === undefined ? undefined : sectionFromName(values.section, sections);
  if (values.section === undefined) problems.push(`section: required: pass --section, one of: ${validSections}`);
  else if (!section) problems.push(`section: unknown section "${values.section}", expected one of: ${validSections}`);

  const title = oneLine(values.title ?? '');
  if (title === '') problems.push('title: required: pass --title "<headline>"');

  const editors = splitNames(values.editors ?? io.env['ROTATIVE_EDITOR'] ?? '');
  if (editors.length === 0) {
    problems.push(
      'editors: required: pass --editors "<name>, <name>", or set ROTATIVE_EDITOR to your name (an article needs at least one editor)',
    );
  }

  const source = oneLine(values.source ?? site.name);
  if (source === '') problems.push('source: expected a source such as Xinhua, got an empty text');

  /** `--date` with an offset, or a wall-clock time (`2021-05-21T08:19`, `21.05.2021 08h19`) read in the site's zone. */
  function readDate(text: string): Date | undefined {
    const wall = readDateTime(text.trim());
    return parseIsoWithOffset(text) ?? (wall && zonedInstant(wall, site.timeZone));
  }

  // Now, to the minute: newsroom stamps show minutes.
  let date = new Date(Math.floor(site.now.getTime() / 60_000) * 60_000);
  if (values.date !== undefined) {
    const parsed = readDate(values.date);
    if (parsed) date = parsed;
    else
      problems.push(
        `date: expected an ISO 8601 date such as 2021-05-21T08:19:00+08:00 (or 2021-05-21T08:19, read in ${site.timeZone}), got "${values.date}"`,
      );
  }

  const pathInArticles = title === '' ? undefined : articlePathFor(title, date, site.timeZone);
  if (title !== '' && !pathInArticles)
    problems.push(`title: "${title}" has no letter or digit to make a file name from`);

  if (problems.length > 0 || !section || !pathInArticles) fail(...problems, '', usage);

  const fields: ArticleFields = { title, date, section, source, editors };
  const text = articleSource(fields, '', site.timeZone, { skeleton: true });
  const { absolute, file } = articleLocation(settings, pathInArticles);
  const found = await problemsOf(settings, text, file, pathInArticles, sections);
  if (found.some((p) => p.severity === 'error')) fail(...found.map(formatProblem), 'Nothing written.');

  if (!(await writeNewFile(absolute, text))) {
    fail(`${file}: already exists: nothing written (choose another headline, or edit that file)`);
  }
  io.stdout.write(`Created ${file}: a draft; delete its "draft: true" line when the article is ready\n`);
  if (found.length > 0) io.stderr.write(`${found.map(formatProblem).join('\n')}\n`);
  return 0;
}

if (import.meta.main) process.exitCode = await runCommand(newArticle, processIo());
