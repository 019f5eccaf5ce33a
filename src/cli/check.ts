/**
 * `npm run check`: every problem under the content folder, one per line
 * (`path:line: field: message`), then a summary; exit 1 on an error. It runs
 * the build's own validation, so a clean check means the build accepts it.
 */
import { enableCompileCache } from 'node:module';
import type { CommandIo } from './common.ts';

/** `npm run check` with `io`'s arguments, settings and streams; resolves to the exit code. */
export async function check(io: CommandIo): Promise<number> {
  // Imported here, not above: see the end of the file.
  const { formatProblem } = await import('#src/lib/problems.ts');
  const { contentProblems, contentSummary, readContent } = await import('#src/lib/read-content.ts');
  const { createBodyChecker } = await import('#src/markdown/check-body.ts');
  const { ROOT, commandSettings, readCommandLine } = await import('./common.ts');
  const { site, markdownPipeline, format } = commandSettings(io);

  const usage = `Usage: npm run check

Checks every file under ${site.contentDir}/ (set ROTATIVE_CONTENT_DIR to check another folder).`;

  readCommandLine(io, { options: { help: { type: 'boolean', short: 'h' } } }, usage);

  // The checker needs the problems only, not the texts.
  const snapshot = await readContent(ROOT, site.contentDir, {
    now: site.now,
    checkBody: createBodyChecker(markdownPipeline),
    keepText: false,
    remoteImageHosts: site.remoteImageHosts,
  });
  const problems = contentProblems(snapshot, site.timeZone);
  const lines = problems.map(formatProblem);
  lines.push(contentSummary(snapshot, problems, { now: site.now, dateTime: format.dateTime }));
  // One write: thousands of console.log calls would cost more than the checking.
  io.stdout.write(`${lines.join('\n')}\n`);
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

if (import.meta.main) {
  // Node's on-disk compile cache (see the README's Performance section); `check`
  // imports its modules after this line, since static imports compile first.
  enableCompileCache();
  const { processIo, runCommand } = await import('./common.ts');
  process.exitCode = await runCommand(check, processIo());
}
