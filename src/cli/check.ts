/**
 * `npm run check`: reads every file under the content folder and reports every
 * problem at once, one per line (`path:line: field: message`), then a summary.
 * Exit code 1 when there is an error, 0 otherwise (warnings do not fail).
 *
 * It runs the very validation the build runs (`readContent`, the body checks
 * of `src/markdown/check-body.ts`, `contentProblems`), so a clean check means
 * the build accepts the content. On 10,000 articles it has a budget of 2 s:
 * `npm run bench -- --check-only` measures it.
 */
import { enableCompileCache } from 'node:module';

// Node keeps the compiled code of the modules below on disk: start-up, a fifth
// of the budget on 10,000 articles, takes about 40 % less from the second run.
// Hence the imports after this line are dynamic: static ones compile first.
enableCompileCache();
const { formatProblem } = await import('../lib/problems.ts');
const { contentProblems, contentSummary, readContent } = await import('../lib/read-content.ts');
const { createBodyChecker } = await import('../markdown/check-body.ts');
const { format, markdownPipeline, site } = await import('../site.ts');
const { ROOT, readCommandLine } = await import('./common.ts');

const usage = `Usage: npm run check

Checks every file under ${site.contentDir}/ (set ROTATIVE_CONTENT_DIR to check another folder).`;

readCommandLine({ options: { help: { type: 'boolean', short: 'h' } } }, usage);

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
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
