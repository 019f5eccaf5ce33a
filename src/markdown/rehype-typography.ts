/**
 * Typesets every text of the article for the site's language with
 * `typeset()` from `typography.ts` (see there for the rules), in one pass
 * over the tree. Code, preformatted text and attributes are never touched;
 * quotation state carries from one text to the next within a block, so
 * `"*mot*"` gets its « » right.
 *
 * Runs after the sanitiser, so it sees every text, raw HTML included.
 * An element with a `lang` of another language (`<span lang="en">`, which
 * the sanitiser keeps) is typeset by that language's rules, or left as
 * written when there are none (`lang="de"`): French spaces never land in an
 * English quotation.
 *
 * @example
 * // locale: 'fr-FR'
 * // <p>"Bien sûr", dit M. Dupont : <code>a ? b : c</code></p>
 * // → <p>« Bien sûr », dit M. Dupont : <code>a ? b : c</code></p>  (with U+202F / U+00A0)
 */
import type { Element, Root, RootContent } from 'hast';
import {
  hasTypographyRules,
  newState,
  type TypesetState,
  type TypographyRules,
  typeset,
  typographyRules,
} from '../lib/typography.ts';

export interface TypographyOptions {
  /** BCP 47 locale of the text, e.g. `fr-FR`, `fr-CA`, `en-GB`. */
  locale: string;
}

/** Elements whose text is code or machine text: left exactly as written. */
const VERBATIM = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'textarea',
  'svg',
  'math',
  'template',
]);

/** Inline elements: a quotation may open in one and close in the next. Any other element starts a new block. */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'wbr',
  'img',
]);

export default function rehypeTypography(options: TypographyOptions) {
  if (!options?.locale) throw new Error('rehype-typography: the `locale` option is required (e.g. "fr-FR")');
  const rules = typographyRules(options.locale);
  return (tree: Root) => {
    walk(tree.children, rules, newState());
  };
}

function walk(children: RootContent[], rules: TypographyRules, state: TypesetState): void {
  for (const node of children) {
    if (node.type === 'text') {
      node.value = typeset(node.value, rules, state);
    } else if (node.type === 'element') {
      visitElement(node, rules, state);
    }
  }
}

function visitElement(node: Element, rules: TypographyRules, state: TypesetState): void {
  const name = node.tagName;
  const lang = typeof node.properties['lang'] === 'string' ? node.properties['lang'].trim() : '';
  if (lang !== '') {
    const own = hasTypographyRules(lang) ? typographyRules(lang) : undefined;
    if (own?.family !== rules.family) {
      // Another language: its own rules and quotation state, or left as written when it has none.
      if (own) walk(node.children, own, newState());
      if (PHRASING.has(name)) state.previous = 'x';
      else Object.assign(state, newState());
      return;
    }
  }
  if (VERBATIM.has(name)) {
    // Code reads as a word to what follows it: `<code>x</code> ?` still gets its space.
    state.previous = 'x';
    return;
  }
  if (name === 'br') {
    state.previous = '\n';
    return;
  }
  if (PHRASING.has(name)) {
    walk(node.children, rules, state);
    return;
  }
  // A block: its texts start afresh, and so does whatever follows it.
  walk(node.children, rules, newState());
  state.previous = '';
  state.inQuote = false;
}
