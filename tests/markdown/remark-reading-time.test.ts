import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkReadingTime, {
  countWords,
  READING_MINUTES,
  readingMinutes,
  takeReadingMinutes,
} from '#src/markdown/remark-reading-time.ts';

async function minutesFor(markdown: string, wordsPerMinute?: number): Promise<unknown> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkReadingTime, wordsPerMinute === undefined ? {} : { wordsPerMinute })
    .use(remarkRehype)
    .use(rehypeStringify)
    .process(markdown);
  return file.data.astro?.frontmatter?.[READING_MINUTES];
}

/** `count` fictional words, in sentences and paragraphs. */
function words(count: number): string {
  return Array.from({ length: count }, (_, i) => (i % 12 === 11 ? 'Valmorin.\n\n' : 'Valmorin ')).join('');
}

describe('countWords', () => {
  it('counts runs between spaces, no-break spaces included', () => {
    expect(countWords('L’observatoire de Valmorin a-t-il dit « non » ?')).toBe(9);
    expect(countWords('15\u00a0%\u202f! ')).toBe(3);
    expect(countWords('   ')).toBe(0);
  });
});

describe('readingMinutes', () => {
  it('rounds to the nearest minute and never says 0', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(344, 230)).toBe(1);
    expect(readingMinutes(345, 230)).toBe(2);
    expect(readingMinutes(690, 230)).toBe(3);
  });
});

describe('remarkReadingTime', () => {
  it('records the minutes where Astro keeps plugin frontmatter', async () => {
    expect(await minutesFor(words(700))).toBe(3);
    expect(await minutesFor(words(40))).toBe(1);
  });

  it('takes the reading speed as an option', async () => {
    expect(await minutesFor(words(700), 100)).toBe(7);
  });

  it('counts tables, lists, quotes and inline code, not code blocks or link targets', async () => {
    const body = `${words(230)}\n\n| a | b |\n|---|---|\n${'| mot | mot |\n'.repeat(115)}\n\`\`\`\n${'code '.repeat(2000)}\n\`\`\`\n\n[lien](https://valmorin.example/${'x/'.repeat(500)})`;
    // 230 + 2 + 230 table words + 1 link word: two minutes; counting the code block would add nine.
    expect(await minutesFor(body)).toBe(2);
  });

  it('refuses a reading speed that is not a positive number', () => {
    expect(() =>
      unified()
        .use(remarkParse)
        .use(remarkReadingTime, { wordsPerMinute: 0 })
        .runSync(unified().use(remarkParse).parse('x')),
    ).toThrow(/wordsPerMinute must be a positive number/);
  });
});

describe('takeReadingMinutes', () => {
  it('moves the reading time out of the rendering’s frontmatter, which keeps what the editor wrote', () => {
    const metadata = { headings: [], frontmatter: { [READING_MINUTES]: 3, title: 'Titre' } };
    expect(takeReadingMinutes(metadata)).toEqual({
      headings: [],
      frontmatter: { title: 'Titre' },
      [READING_MINUTES]: 3,
    });
  });

  it('gives undefined when the plugin did not run', () => {
    expect(takeReadingMinutes({ frontmatter: {} })[READING_MINUTES]).toBeUndefined();
    expect(takeReadingMinutes({})).toEqual({ frontmatter: {}, [READING_MINUTES]: undefined });
  });
});
