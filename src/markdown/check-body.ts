/**
 * Checks an article body, before rendering and with the pipeline's own plugins, for what the pipeline would otherwise
 * do late or silently: an unknown directive, prose the sanitiser would remove, a dropped iframe, a second headline, an
 * unused note or link definition. The checker and the build's loader both run it, so they give one verdict. A body
 * with none of the characters these need (`<`, `::`, `]:`, a `#` or `===` heading) passes at once.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { ContentProblem } from '../lib/problems.ts';
import type { BodyChecker } from '../lib/read-content.ts';
import type { PipelineOptions } from './index.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';

/** What a body needs to hold for one of the checks below to find anything. */
const TRIGGER = /<|::|\]:|^ {0,3}#(?!#)|^ {0,3}=+[ \t]*$/m;

/** Elements the sanitiser drops with everything in them: text inside is lost. */
const SWALLOWING =
  /<(template|textarea|style|script|noscript|xmp|title|svg|math|select|option|object|embed|applet|noembed|noframes|frameset|iframe|plaintext)\b|<!--(?![\s\S]*-->)/i;

/**
 * A body checker for the pipeline built from `options` (the site's settings,
 * as `astro.config.mjs` builds `markdown.processor` from them).
 */
export function createBodyChecker(options: PipelineOptions): BodyChecker {
  let tools: Promise<Tools> | undefined;
  return (body, { file, bodyLine }) => {
    if (!TRIGGER.test(body)) return [];
    // The Markdown and HTML parsers load only when a body needs them.
    tools ??= loadTools(options);
    return tools.then((t) => checkBody(t, body, file, bodyLine));
  };
}

type Tools = Awaited<ReturnType<typeof loadTools>>;

async function loadTools(options: PipelineOptions) {
  const [
    { unified },
    { default: remarkParse },
    { default: remarkGfm },
    { default: remarkDirective },
    { default: remarkRehype },
    { default: rehypeRaw },
    { visit },
    { parseEntities },
    { dictionaryFor },
    { default: remarkArticleDirectives },
    { default: remarkFigures },
    { default: rehypeSanitizeArticle },
    { default: rehypeEmbedAllowlist },
    { remarkRehypeOptions },
    { find, html: htmlSchema },
  ] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('remark-gfm'),
    import('remark-directive'),
    import('remark-rehype'),
    import('rehype-raw'),
    import('unist-util-visit'),
    import('parse-entities'),
    import('../i18n/index.ts'),
    import('./remark-article-directives.ts'),
    import('./remark-figures.ts'),
    import('./rehype-sanitize-article.ts'),
    import('./rehype-embed-allowlist.ts'),
    import('./index.ts'),
    import('property-information'),
  ]);
  const creditLabel = dictionaryFor(options.locale).imageCredit;
  const embedPrefixes = options.embedPrefixes ?? [];
  // As Astro's `unified()` processor parses (GFM on), with the remark plugins that can refuse a body.
  const markdown = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkArticleDirectives, { creditLabel })
    .use(remarkFigures, { creditLabel });
  const toHtml = unified().use(remarkRehype, { ...remarkRehypeOptions(options), allowDangerousHtml: true });
  // The site's sanitiser and embed allow-list, as the pipeline runs them first among the rehype plugins.
  const publish = unified().use(rehypeSanitizeArticle, { embedPrefixes }).use(rehypeEmbedAllowlist, { embedPrefixes });
  const parseHtml = unified().use(rehypeRaw);
  /** An element property's name as written in HTML (`className` → `class`, `onClick` → `onclick`). */
  const attributeName = (property: string) => find(htmlSchema, property).attribute;
  return { markdown, toHtml, publish, parseHtml, visit, parseEntities, embedPrefixes, attributeName };
}

/** A piece of prose in the source, with its line in the body. */
interface Prose {
  text: string;
  line: number;
  /** Where it starts in the body read as one HTML text (`proseOf`). */
  start: number;
}

async function checkBody(tools: Tools, body: string, file: string, bodyLine: number): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const at = (line: number | undefined) => (line === undefined ? bodyLine : bodyLine + line - 1);
  const error = (line: number | undefined, message: string) =>
    problems.push({ severity: 'error', file, line: at(line), message });
  const warning = (line: number | undefined, message: string) =>
    problems.push({ severity: 'warning', file, line: at(line), message });

  const { markdown, toHtml, publish, parseHtml, visit } = tools;
  const mdast = markdown.parse(body);
  try {
    await markdown.run(mdast, body);
  } catch (failure) {
    // A plugin's `file.fail`: a directive the pipeline cannot render.
    const { reason, line } = failure as { reason?: string; line?: number };
    error(line, reason ?? String(failure));
    return problems;
  }
  headingsAndDefinitions(mdast, visit, error, warning);
  // Without raw HTML there is nothing for the sanitiser to remove (what Markdown writes is all
  // allowed, tests/markdown/check-body.test.ts shows it): the costly half is skipped.
  let raw = false;
  visit(mdast, 'html', () => {
    raw = true;
  });
  if (!raw) return problems.sort(byLine);

  const hast = await toHtml.run(mdast);
  const { prose, html, lineOf } = proseOf(hast, tools);
  const raws: { value: string; line: number }[] = [];
  visit(hast, 'raw', (node) => {
    raws.push({ value: node.value, line: node.position?.start.line ?? 1 });
  });

  // Raw HTML parsed once: the sanitiser then finds no raw node to parse again.
  const parsed = await parseHtml.run(structuredClone(hast));
  const published = await publish.run(structuredClone(parsed));
  // Iframes: those the HTML holds, against those left once sanitised.
  if (raws.some((raw) => /<iframe\b/i.test(raw.value))) {
    const kept = new Set<string>();
    visit(published, 'element', (node: Element) => {
      if (node.tagName === 'iframe') kept.add(`${String(node.properties['src'])}@${node.position?.start.line}`);
    });
    visit(parsed, 'element', (node: Element) => {
      if (node.tagName !== 'iframe') return;
      const src = node.properties['src'];
      if (kept.has(`${String(src)}@${node.position?.start.line}`)) return;
      warning(node.position?.start.line, iframeMessage(src, node, tools.embedPrefixes));
    });
  }
  const lost = firstLoss(prose, textOf(published));
  if (lost) {
    // What hides it: the last element that swallows its content, or comment, opened before it.
    const openers = [...html.slice(0, lost.start).matchAll(new RegExp(SWALLOWING.source, 'gi'))];
    const opener = openers.at(-1);
    const line = opener ? lineOf(opener.index) : undefined;
    const where = line === undefined ? '' : ` on line ${at(line)}`;
    const why = !opener
      ? 'the HTML around it is removed with it when the page is made safe; write it as plain text'
      : opener[1]
        ? `the <${opener[1].toLowerCase()}>${where} hides it, and the sanitiser removes both: delete the tag, or write \\<${opener[1].toLowerCase()}> to show it as text`
        : `the <!--${where} is never closed with -->, so the rest is a comment: close it or delete it`;
    error(lost.line, `prose lost from here on ("${excerpt(lost.text)}"): ${why}`);
  }
  // Once prose is lost, the error names the tag that hides it: elements removed whole are not listed again.
  for (const [line, changes] of markupChanges(parsed, published, tools, { whole: !lost }))
    warning(
      line,
      `HTML not published as written: ${changes.join('; ')}: readers get the text without it; delete it, or write what the site allows (README, Markdown)`,
    );
  return problems.sort(byLine);
}

/** Elements the sanitiser removes with what they hold (`strip` in `sanitize-schema.ts`); others lose their tags only. */
const STRIPPED = new Set(articleSanitizeSchema().strip);

/** Properties whose value the sanitiser prefixes on purpose (`user-content-`, so ids cannot shadow the page's own). */
const CLOBBERED = new Set(articleSanitizeSchema().clobber);

/**
 * What the sanitiser removes or changes in the markup an editor wrote, by line: elements it does not publish, and
 * attributes it drops or rewrites (a `style`, an `onclick`, an `ftp:` link, an `<input>` made a checkbox). Iframes have
 * their own message; text lost with an element is an error of its own (`firstLoss`).
 */
function markupChanges(
  parsed: HastRoot,
  published: HastRoot,
  { visit, attributeName }: Pick<Tools, 'visit' | 'attributeName'>,
  { whole }: { whole: boolean },
): Map<number, string[]> {
  // By where it starts and its name: an element and its first child start at the same place.
  const kept = new Map<string, Element>();
  visit(published, 'element', (node: Element) => {
    if (node.position?.start.offset !== undefined) kept.set(`${node.position.start.offset}:${node.tagName}`, node);
  });
  const changes = new Map<number, string[]>();
  const note = (line: number, change: string) => {
    const list = changes.get(line) ?? [];
    if (!list.includes(change)) list.push(change);
    changes.set(line, list);
  };
  const walk = (node: HastNodes): void => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const start = child.position?.start;
      if (child.tagName === 'iframe') continue;
      if (start?.offset === undefined) {
        walk(child);
        continue;
      }
      const tag = `<${child.tagName}>`;
      const published = kept.get(`${start.offset}:${child.tagName}`);
      if (!published) {
        if (STRIPPED.has(child.tagName)) {
          if (whole) note(start.line, `${tag} removed with what it holds`);
        } else {
          note(start.line, `${tag} removed (what it holds kept)`);
          walk(child);
        }
        continue;
      }
      const changed = Object.keys(child.properties).filter(
        (property) =>
          !CLOBBERED.has(property) && String(child.properties[property]) !== String(published.properties[property]),
      );
      const removed = changed.filter((property) => published.properties[property] === undefined);
      if (removed.length > 0) note(start.line, `${removed.map(attributeName).join(', ')} of ${tag} removed`);
      for (const property of changed.filter((p) => published.properties[p] !== undefined))
        note(start.line, `${attributeName(property)} of ${tag} made "${String(published.properties[property])}"`);
      walk(child);
    }
  };
  walk(parsed);
  return changes;
}

const byLine = (a: ContentProblem, b: ContentProblem) => (a.line ?? 0) - (b.line ?? 0);

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function iframeMessage(src: unknown, node: Element, prefixes: readonly string[]): string {
  const address = typeof src === 'string' ? src : '(no src)';
  if (prefixes.length === 0)
    return `iframe dropped (${address}): embeds are off; add its address prefix to embeds in src/site.config.ts to allow it, or remove it`;
  if (
    typeof src === 'string' &&
    prefixes.some((prefix) => src.startsWith(prefix)) &&
    typeof node.properties['title'] !== 'string'
  )
    return `iframe dropped (${address}): an embed needs a title saying what it shows (title="…"), for readers who cannot see it`;
  return `iframe dropped (${address}): its address starts with none of the embeds allowed in src/site.config.ts (${prefixes.join(', ')}); add its prefix there, or remove it`;
}

/** A second `<h1>` (the headline is the page's), and definitions that nothing uses, so nothing shows. */
function headingsAndDefinitions(
  tree: MdastRoot,
  visit: Tools['visit'],
  error: (line: number | undefined, message: string) => void,
  warning: (line: number | undefined, message: string) => void,
): void {
  const used = new Set<string>();
  const footnotesUsed = new Set<string>();
  const definitions: { identifier: string; label: string; line: number | undefined }[] = [];
  const footnotes: { identifier: string; label: string; line: number | undefined }[] = [];
  visit(tree, (node: MdastNodes) => {
    const line = node.position?.start.line;
    if (node.type === 'heading' && node.depth === 1)
      warning(line, "a # heading makes a second headline (the page's <h1> is the title): use ## for a subheading");
    else if (node.type === 'linkReference' || node.type === 'imageReference') used.add(node.identifier);
    else if (node.type === 'footnoteReference') footnotesUsed.add(node.identifier);
    else if (node.type === 'definition')
      definitions.push({ identifier: node.identifier, label: node.label ?? node.identifier, line });
    else if (node.type === 'footnoteDefinition')
      footnotes.push({ identifier: node.identifier, label: node.label ?? node.identifier, line });
  });
  for (const d of definitions)
    if (!used.has(d.identifier))
      warning(
        d.line,
        `"[${d.label}]: …" is a link definition that no [text][${d.label}] uses, so the line is not shown: write \\[${d.label}] if it is text to read`,
      );
  for (const f of footnotes)
    if (!footnotesUsed.has(f.identifier))
      error(
        f.line,
        `the note [^${f.label}] is never called in the text, so it is not shown: add [^${f.label}] where it belongs, or delete the note`,
      );
}

/**
 * The prose the source holds, in order: the text of the Markdown, and the
 * text written between tags in raw HTML, as a browser would read it if
 * nothing were removed. Scripts and styles that are closed, and comments that
 * are closed, are code and notes, not prose; unclosed, they swallow what
 * follows, which then counts as prose the reader loses.
 */
function proseOf(tree: HastRoot, tools: Tools): { prose: Prose[]; html: string; lineOf: (offset: number) => number } {
  // The body as one HTML text: Markdown text escaped, raw HTML as written.
  const items: { start: number; line: number }[] = [];
  let html = '';
  const walk = (node: HastNodes | { type: 'raw'; value: string; position?: HastRoot['position'] }): void => {
    if (node.type === 'text' || node.type === 'raw') {
      // Text the pipeline wrote itself (footnote numbers, line breaks between blocks) has no position.
      if (!node.position) return;
      items.push({ start: html.length, line: node.position.start.line });
      html += node.type === 'raw' ? node.value : node.value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    } else if ('children' in node) for (const child of node.children) walk(child);
    // Each text node is a piece of its own: a footnote number or an element may sit between two.
    html += BOUNDARY;
  };
  walk(tree);
  const lineOf = (offset: number) => {
    let item = items[0]!;
    for (const candidate of items) {
      if (candidate.start > offset) break;
      item = candidate;
    }
    return item.line + countNewlines(html.slice(item.start, offset));
  };
  const prose = rawProse(html).map((piece) => ({
    text: tools.parseEntities(piece.text),
    line: lineOf(piece.start),
    start: piece.start,
  }));
  return { prose, html, lineOf };
}

/** Between two pieces of the body's text: never in a Markdown file (a private-use character). */
const BOUNDARY = '\uE000';

/** An HTML tag, its quoted attribute values allowed to hold `>`; else, as a browser would, up to the next `>`. */
const TAG = /^<\/?[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>|^<\/?[A-Za-z][^>]*>/;
const OTHER_MARKUP = /^<![A-Za-z][^>]*>|^<\?[\s\S]*?\?>|^<!\[CDATA\[[\s\S]*?\]\]>/;

/** Text between the tags of an HTML fragment, each piece with its offset in the fragment. */
export function rawProse(html: string): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let text = '';
  let textStart = 0;
  // A piece a paragraph: a block of raw HTML may hold several, and a message names the first lost.
  const flush = () => {
    const paragraph = /\S[\s\S]*?(?=\n[ \t]*\n|\s*$)/g;
    for (let match = paragraph.exec(text); match; match = paragraph.exec(text))
      pieces.push({ text: match[0], start: textStart + match.index });
    text = '';
  };
  let i = 0;
  while (i < html.length) {
    if (html[i] === BOUNDARY) {
      flush();
      i++;
      continue;
    }
    if (html[i] === '<') {
      const rest = html.slice(i);
      let skip = 0;
      if (rest.startsWith('<!--')) {
        const close = html.indexOf('-->', i + 4);
        // Never closed: only the opener is markup, and what follows counts as prose.
        skip = close === -1 ? 4 : close + 3 - i;
      } else {
        const code = /^<(script|style)\b[^>]*>/i.exec(rest);
        const close = code && new RegExp(`</${code[1]}\\s*>`, 'i').exec(rest);
        skip = code
          ? close
            ? close.index + close[0].length
            : code[0].length
          : ((TAG.exec(rest) ?? OTHER_MARKUP.exec(rest))?.[0].length ?? 0);
      }
      if (skip > 0) {
        flush();
        i += skip;
        continue;
      }
    }
    if (text === '') textStart = i;
    text += html[i];
    i++;
  }
  flush();
  return pieces;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** All the text of a tree, as readers get it. */
function textOf(tree: HastRoot): string {
  let text = '';
  const walk = (node: HastNodes): void => {
    if (node.type === 'text') text += node.value;
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return normalise(text);
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Letters and digits. A piece with fewer than three is not looked for: "x" or
 * "l’" would be found inside any other word, and a tag that swallows text
 * swallows longer pieces after them.
 */
const WORDY = /[\p{L}\p{N}]/gu;

/**
 * The first piece of prose missing from the published text. Pieces are looked
 * for in order; one found earlier than expected (an HTML parser may move table
 * content) still counts as shown.
 */
export function firstLoss(prose: readonly Prose[], published: string): Prose | undefined {
  let cursor = 0;
  for (const piece of prose) {
    const text = normalise(piece.text);
    if ((text.match(WORDY) ?? []).length < 3) continue;
    const index = published.indexOf(text, cursor);
    if (index !== -1) cursor = index + text.length;
    else if (!published.includes(text)) return { ...piece, text };
  }
  return undefined;
}
