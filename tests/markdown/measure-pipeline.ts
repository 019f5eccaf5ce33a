/**
 * Measures what the article pipeline costs per article, outside Astro: the
 * processor Astro builds from `markdownProcessorOptions()` against the same
 * processor without our plugins, on generated fictional articles of about
 * 780 words (the size of the 10,000-article build benchmark).
 *
 *   node_modules/.bin/node tests/markdown/measure-pipeline.ts [articles=400] [paragraphs=12]
 *
 * Not a test: timings depend on the machine. Prints milliseconds per article.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownProcessorOptions } from '#src/markdown/index.ts';
import { countWords } from '#src/markdown/remark-reading-time.ts';
import { generateCorpus } from '../support/synthetic-corpus.ts';

const count = Number(process.argv[2] ?? 400);
const paragraphs = Number(process.argv[3] ?? 12);
const options = { siteUrl: 'https://rotative.example.org', locale: 'fr-FR' };

// Straight quotes and apostrophes, as wire copy has them, so typography has work to do.
const bodies = generateCorpus({ count, seed: 3, paragraphs }).map((a) =>
  a.text
    .slice(a.text.indexOf('\n---\n', 4) + 5)
    .replace(/« /g, '"')
    .replace(/ »/g, '"')
    .replace(/’/g, "'"),
);
const words = bodies.reduce((sum, body) => sum + countWords(body), 0) / bodies.length;

const full = await createMarkdownProcessor({ ...markdownProcessorOptions(options), syntaxHighlight: false });
const bare = await createMarkdownProcessor({ smartypants: false, gfm: true, syntaxHighlight: false });
const smartypants = await createMarkdownProcessor({ smartypants: true, gfm: true, syntaxHighlight: false });

/** Milliseconds per article over every body. */
async function pass(processor: typeof full): Promise<number> {
  const start = performance.now();
  for (const body of bodies) await processor.render(body);
  return (performance.now() - start) / bodies.length;
}

const processors = { bare, full, smartypants };
const times: Record<keyof typeof processors, number[]> = { bare: [], full: [], smartypants: [] };
// Warm-up, then rounds that take turns, so a busy moment of the machine hits all three alike.
for (const processor of Object.values(processors)) for (const body of bodies.slice(0, 50)) await processor.render(body);
for (let round = 0; round < 7; round++) {
  for (const [name, processor] of Object.entries(processors))
    times[name as keyof typeof processors].push(await pass(processor));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const [bareMs, fullMs, smartypantsMs] = [median(times.bare), median(times.full), median(times.smartypants)];
console.log(`${count} articles of ~${Math.round(words)} words, ms per article (median of 7 interleaved rounds):`);
console.log(`  Astro's unified(), gfm, no plugins:       ${bareMs.toFixed(2)}`);
console.log(`  + Rotative's pipeline:                    ${fullMs.toFixed(2)}  (+${(fullMs - bareMs).toFixed(2)})`);
console.log(
  `  for comparison, + smartypants instead:    ${smartypantsMs.toFixed(2)}  (+${(smartypantsMs - bareMs).toFixed(2)})`,
);
