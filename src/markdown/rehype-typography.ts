/**
 * Typesets every text of the article with `typeset()` from `typography.ts` (the rules are there), in one pass: code,
 * preformatted text and attributes are never touched, and quotation state carries across a block's texts, so
 * `"*mot*"` gets its « ». Runs after the sanitiser, so raw HTML's text is typeset too. An element with another `lang`
 * (`<span lang="en">`) gets that language's rules, or none (`lang="de"`): no French spaces in an English quotation.
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
} from '#src/lib/typography.ts';

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
