/**
 * Checks an article body, before rendering and with the pipeline's own plugins, for what the pipeline would otherwise
 * do late or silently: an unknown directive, prose the sanitiser would remove, a word in angle brackets taken for a
 * tag, a character reference shown as �, a dropped iframe, a second headline, an unused note or link definition, a
 * body that shows readers nothing. The checker and the build's loader both run it, so they give one verdict. A body
 * with none of the characters these need (`<`, `::`, `]:`, `&#`, a `#` or `===` heading) and with a letter or a digit
 * passes at once.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { htmlTagNames } from 'html-tag-names';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { ContentProblem } from '#src/lib/problems.ts';
import type { BodyChecker } from '#src/lib/read-content.ts';
import { EMPTY_BODY, isBlankBody, lineAt, NOTHING_SHOWN } from '#src/lib/validate.ts';
import type { PipelineOptions } from './index.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';

/** What a body needs to hold for one of the checks below to find anything. */
const TRIGGER = /<|::|\]:|&#|^ {0,3}#(?!#)|^ {0,3}=+[ \t]*$/m;

/** A letter or a digit: a body with one, and none of `TRIGGER`, shows readers something. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Elements the sanitiser drops with everything in them: text inside is lost. */
const SWALLOWING =
  /<(template|textarea|style|script|noscript|xmp|title|svg|math|select|option|object|embed|applet|noembed|noframes|frameset|iframe|plaintext)\b|<!--(?![\s\S]*-->)/i;

/**
 * A body checker for the pipeline built from `options` (the site's settings,
 * as `astro.config.mjs` builds `markdown.processor` from them).
 */
export function createBodyChecker(options: PipelineOptions): BodyChecker {
  let tools: Promise<Tools> | undefined;
  return (body, { file, bodyLine, draft }) => {
    // Only a published article must show something; a blank one (white space, comments) is validate.ts's to report.
    const mustShow = draft === false && !isBlankBody(body);
    if (!TRIGGER.test(body) && !(mustShow && !WORD_CHARACTER.test(body))) return [];
    // The Markdown and HTML parsers load only when a body needs them.
    tools ??= loadTools(options);
    return tools.then((t) => checkBody(t, body, { file, bodyLine, mustShow }));
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
    import('#src/i18n/index.ts'),
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

async function checkBody(
  tools: Tools,
  body: string,
  { file, bodyLine, mustShow }: { file: string; bodyLine: number; mustShow: boolean },
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const at = (line: number | undefined) => (line === undefined ? bodyLine : bodyLine + line - 1);
  const error = (line: number | undefined, message: string) =>
    problems.push({ severity: 'error', file, line: at(line), message });
  const warning = (line: number | undefined, message: string) =>
    problems.push({ severity: 'warning', file, line: at(line), message });

  const { markdown, toHtml, publish, parseHtml, visit } = tools;
  const mdast = markdown.parse(body);
  if (body.includes('&#')) replacedReferences(body, mdast, visit, error);
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
  const empty = () => error(undefined, EMPTY_BODY.replace(':', `: ${NOTHING_SHOWN}:`));
  if (!raw) {
    if (mustShow && !showsMarkdown(mdast, visit)) empty();
    return problems.sort(byLine);
  }

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
  const publishedText = textOf(published);
  if (mustShow && !shows(published, publishedText, visit)) empty();
  // Words in angle brackets: the HTML parser takes them for tags, and the page loses them.
  const unknown = new Set<string>();
  const told = new Set<string>();
  for (const tag of rawTags(html)) {
    if (!isUnknownTag(tag.name)) continue;
    unknown.add(tag.name.toLowerCase());
    const written = `<${tag.closing ? '/' : ''}${tag.name}>`;
    const line = lineOf(tag.start);
    if (told.has(`${line}${written}`)) continue;
    told.add(`${line}${written}`);
    error(
      line,
      `${written} is no HTML tag, but the page reads it as one and drops it, word and all: write &lt;${written.slice(1)} to show it as written, or drop the brackets`,
    );
  }
  const lost = firstLoss(prose, publishedText);
  if (lost) {
    const found = html.lastIndexOf('<![CDATA[', lost.start);
    const cdata = found !== -1 && !html.slice(found, lost.start).includes('>') ? found : -1;
    // What hides it: a CDATA section it is in, or the last element that swallows its content, or comment, opened before it.
    const openers = [...html.slice(0, lost.start).matchAll(new RegExp(SWALLOWING.source, 'gi'))];
    const opener = openers.at(-1);
    const line = opener ? lineOf(opener.index) : undefined;
    const where = line === undefined ? '' : ` on line ${at(line)}`;
    const why =
      cdata !== -1
        ? `the <![CDATA[ on line ${at(lineOf(cdata))} makes it a comment in HTML, which the page drops: remove <![CDATA[ and ]]> around it`
        : !opener
          ? 'the HTML around it is removed with it when the page is made safe; write it as plain text'
          : opener[1]
            ? `the <${opener[1].toLowerCase()}>${where} hides it, and the sanitiser removes both: delete the tag, or write \\<${opener[1].toLowerCase()}> to show it as text`
            : `the <!--${where} is never closed with -->, so the rest is a comment: close it or delete it`;
    error(lost.line, `prose lost${cdata === -1 ? ' from here on' : ''} ("${excerpt(lost.text)}"): ${why}`);
  }
  // Once prose is lost, the error names the tag that hides it: elements removed whole are not listed again; nor are
  // words taken for tags, which have their own error.
  for (const [line, changes] of markupChanges(parsed, published, tools, { whole: !lost, unknown }))
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
  { whole, unknown }: { whole: boolean; unknown: ReadonlySet<string> },
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
        if (unknown.has(child.tagName)) walk(child);
        else if (STRIPPED.has(child.tagName)) {
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

/** A numeric character reference, hexadecimal or decimal, and its `;` (HTML does without it). */
const REFERENCE = /&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+))(;?)/g;

/**
 * Character references that pages show as �, as raw NUL bytes are: `&#0;`, a surrogate (`&#xD800;`), a number past
 * U+10FFFF, and, in Markdown text, the controls and noncharacters micromark replaces too. In raw HTML the parser's
 * rule applies (it maps C1 numbers to Windows-1252 letters rather than replacing them); in code they are shown as
 * written. Reported once a line.
 */
function replacedReferences(
  body: string,
  tree: MdastRoot,
  visit: Tools['visit'],
  error: (line: number | undefined, message: string) => void,
): void {
  const code: [number, number][] = [];
  const html: [number, number][] = [];
  visit(tree, (node: MdastNodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'code' || node.type === 'inlineCode') code.push([start, end]);
    else if (node.type === 'html') html.push([start, end]);
  });
  const within = (ranges: [number, number][], offset: number) => ranges.find(([s, e]) => s <= offset && offset < e);
  const found = new Map<number, string[]>();
  for (const match of body.matchAll(REFERENCE)) {
    const [written, hex, decimal = '', semicolon] = match;
    const at = match.index;
    if (within(code, at) || /(?:^|[^\\])(?:\\\\)*\\$/.test(body.slice(Math.max(0, at - 20), at))) continue;
    const block = within(html, at);
    let replaced: boolean;
    if (block) {
      const before = body.slice(block[0], at);
      // In a comment: not shown.
      if (before.lastIndexOf('<!--') > before.lastIndexOf('-->')) continue;
      const value = Number.parseInt(hex ?? decimal, hex ? 16 : 10);
      replaced = value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff);
    } else
      replaced =
        semicolon === ';' &&
        (hex ? hex.length <= 6 : decimal.length <= 7) &&
        decodeNumericCharacterReference(hex ?? decimal, hex ? 16 : 10) === '\uFFFD';
    if (!replaced) continue;
    const line = lineAt(body, at);
    const list = found.get(line) ?? [];
    if (!list.includes(written)) list.push(written);
    found.set(line, list);
  }
  for (const [line, references] of found) {
    const one = references.length === 1;
    error(
      line,
      `${references.join(', ')} ${one ? 'names' : 'name'} no character, so pages would show ${one ? 'it' : 'them'} as �: write the character meant, or delete ${one ? 'it' : 'them'}`,
    );
  }
}

/** HTML element names (any case), the obsolete ones included: what the parser knows as tags. */
const HTML_TAGS = new Set(htmlTagNames);

/**
 * A tag name that is no HTML element: almost always a word the editor meant to show in angle brackets
 * (`<Reuters>`), which the parser takes for a tag and the page loses. Names with `-` (custom elements) or `:`
 * (a word processor's `<o:p>`) are markup, and only warned about when removed.
 */
export function isUnknownTag(name: string): boolean {
  const lower = name.toLowerCase();
  return !HTML_TAGS.has(lower) && !/[:-]/.test(lower);
}

/** Elements whose content the HTML parser reads as text, and foreign ones (SVG, MathML) with names of their own. */
const OPAQUE = /^<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math)\b/i;

/**
 * The start and end tags in an HTML fragment as the parser reads them, with their offsets: comments, CDATA sections,
 * declarations and the content of the elements in `OPAQUE` aside.
 */
export function rawTags(html: string): { name: string; closing: boolean; start: number }[] {
  const tags: { name: string; closing: boolean; start: number }[] = [];
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const rest = html.slice(i);
    if (rest.startsWith('<!--')) {
      const close = html.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 2;
      continue;
    }
    if (/^<[!?]/.test(rest)) {
      const close = html.indexOf('>', i);
      if (close === -1) break;
      i = close;
      continue;
    }
    const tag = TAG.exec(rest);
    if (!tag) continue;
    const [, slash, name] = /^<(\/?)([^\s/>]+)/.exec(tag[0])!;
    tags.push({ name: name!, closing: slash === '/', start: i });
    const opaque = slash === '' ? OPAQUE.exec(rest) : null;
    if (opaque) {
      const close = new RegExp(`</${opaque[1]}\\s*>`, 'i').exec(rest);
      if (!close) break;
      i += close.index + close[0].length - 1;
    } else i += tag[0].length - 1;
  }
  return tags;
}

/** Whether a Markdown tree without raw HTML shows a reader anything: text, an image, a note call. */
function showsMarkdown(tree: MdastRoot, visit: Tools['visit']): boolean {
  let shown = false;
  visit(tree, (node: MdastNodes) => {
    // Definitions show nothing; notes show only where called, and a call shows.
    if (node.type === 'definition' || node.type === 'footnoteDefinition') return 'skip';
    if (
      node.type === 'image' ||
      node.type === 'imageReference' ||
      node.type === 'footnoteReference' ||
      ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.value.trim() !== '')
    ) {
      shown = true;
      return false;
    }
    return undefined;
  });
  return shown;
}

/** Whether a published tree (its text given) shows a reader anything: text, an image, an embed. */
function shows(tree: HastRoot, text: string, visit: Tools['visit']): boolean {
  if (text !== '') return true;
  let shown = false;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img' && node.tagName !== 'iframe') return undefined;
    shown = true;
    return false;
  });
  return shown;
}

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
const OTHER_MARKUP = /^<![A-Za-z][^>]*>|^<\?[\s\S]*?\?>/;

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
      } else if (rest.startsWith('<![CDATA[')) {
        // Outside SVG and MathML, HTML reads a CDATA section as a comment, up to the first `>`: what it holds,
        // written as text, is prose the page loses.
        flush();
        const close = html.indexOf('>', i);
        const end = close === -1 ? html.length : close;
        textStart = i + 9;
        text = html.slice(textStart, end).replace(/\]\]$/, '');
        flush();
        i = end + 1;
        continue;
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
