/**
 * The article furniture editors write as directives (`remark-directive` syntax; it must run first): `:::citation`
 * (pull quote), `:::encadre` (box) and `::figure` (image with caption and credit, kept a Markdown image so Astro
 * optimises local files), also named `pullquote` and `aside`. Any other block directive is an error naming it, never
 * copy that vanishes; inline ones are put back as text, since "08:19" or "Note:important" would read as one.
 *
 * @see https://talk.commonmark.org/t/generic-directives-plugins-syntax/444
 *
 * @example
 * // :::citation[Attribution] … :::
 * // → <figure class="pullquote"><blockquote>…</blockquote><figcaption>Attribution</figcaption></figure>
 * // :::encadre[Titre] … :::
 * // → <aside class="aside"><p class="aside-title">Titre</p>…</aside>
 */
import type { BlockContent, Image, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
// Brings the directive node types into mdast's.
import type {} from 'remark-directive';
import type { Transformer } from 'unified';
import { figureNode } from './remark-figures.ts';

type VFile = Parameters<Transformer<Root>>[1];
type ContainerDirective = Extract<RootContent, { type: 'containerDirective' }>;
type LeafDirective = Extract<RootContent, { type: 'leafDirective' }>;
type TextDirective = Extract<RootContent, { type: 'textDirective' }>;

export interface ArticleDirectivesOptions {
  /** How a figure's credit reads, with `{credit}` for the name, e.g. `Photo : {credit}`. */
  creditLabel: string;
}

const PULLQUOTE = new Set(['citation', 'pullquote']);
const ASIDE = new Set(['encadre', 'aside']);
const FIGURE = new Set(['figure']);

/**
 * Every directive editors may write, with the attributes it reads: any other name, or any other attribute, is an
 * error naming what is allowed, never ignored (`widht=300` would otherwise vanish). The checker runs this plugin
 * (`check-body.ts`), so this is the one list both go by.
 */
export const DIRECTIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  citation: [],
  encadre: [],
  figure: ['src', 'alt', 'width', 'height', 'credit'],
  pullquote: [],
  aside: [],
};
const KNOWN = Object.keys(DIRECTIVE_ATTRIBUTES);

export default function remarkArticleDirectives(options: ArticleDirectivesOptions): Transformer<Root> {
  if (typeof options?.creditLabel !== 'string' || !options.creditLabel.includes('{credit}')) {
    throw new Error(
      'remark-article-directives: the `creditLabel` option must be a text with {credit}, e.g. "Photo : {credit}"',
    );
  }
  const { creditLabel } = options;
  return (tree, file) => {
    const source = String(file.value ?? '');
    const walk = (parent: Parent): void => {
      const children = parent.children;
      let merge = false;
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!;
        if (node.type === 'textDirective') {
          children[i] = { type: 'text', value: sourceOf(node, source) };
          merge = true;
          continue;
        }
        if (node.type === 'containerDirective') {
          if ('children' in node) walk(node);
          children[i] = container(node, file);
          continue;
        }
        if (node.type === 'leafDirective') {
          children[i] = leaf(node, file, creditLabel);
          continue;
        }
        if ('children' in node) walk(node);
      }
      if (merge) mergeTexts(children);
    };
    walk(tree);
  };
}

/** The directive as the editor typed it. */
function sourceOf(node: TextDirective, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start !== undefined && end !== undefined && end <= source.length) return source.slice(start, end);
  const label = node.children.map((child) => ('value' in child ? child.value : '')).join('');
  return `:${node.name}${label ? `[${label}]` : ''}`;
}

/** Adjacent texts become one, so typography sees "08:19" whole. */
function mergeTexts(children: RootContent[]): void {
  for (let i = children.length - 1; i > 0; i--) {
    const node = children[i]!;
    const before = children[i - 1]!;
    if (node.type === 'text' && before.type === 'text') {
      before.value += node.value;
      children.splice(i, 1);
    }
  }
}

function splitLabel(node: ContainerDirective): { label: PhrasingContent[]; body: BlockContent[] } {
  const [first, ...rest] = node.children;
  if (first?.type === 'paragraph' && first.data?.directiveLabel)
    return { label: first.children, body: rest as BlockContent[] };
  return { label: [], body: node.children as BlockContent[] };
}

function container(node: ContainerDirective, file: VFile): RootContent {
  if (PULLQUOTE.has(node.name) || ASIDE.has(node.name)) checkAttributes(node, `:::${node.name}`, file);
  const { label, body } = splitLabel(node);
  if (PULLQUOTE.has(node.name)) {
    const children: BlockContent[] = [{ type: 'blockquote', children: body }];
    if (label.length > 0)
      children.push({ type: 'paragraph', data: { hName: 'figcaption', hProperties: {} }, children: label });
    return { ...node, children, data: { hName: 'figure', hProperties: { className: ['pullquote'] } } };
  }
  if (ASIDE.has(node.name)) {
    const children: BlockContent[] = [...body];
    if (label.length > 0) {
      children.unshift({
        type: 'paragraph',
        data: { hName: 'p', hProperties: { className: ['aside-title'] } },
        children: label,
      });
    }
    return { ...node, children, data: { hName: 'aside', hProperties: { className: ['aside'] } } };
  }
  return unknown(node, `:::${node.name}`, file);
}

function leaf(node: LeafDirective, file: VFile, creditLabel: string): RootContent {
  if (!FIGURE.has(node.name)) return unknown(node, `::${node.name}`, file);
  checkAttributes(node, `::${node.name}`, file);
  const attributes = node.attributes ?? {};
  const src = attributes['src']?.trim();
  const alt = attributes['alt'];
  if (!src || alt === undefined || alt === null) {
    file.fail(
      `::figure needs src and alt, e.g. ::figure[Légende]{src="./photo.jpg" alt="Ce que montre l’image"}`,
      node,
    );
  }
  const image: Image = { type: 'image', url: src, alt, title: null };
  const size: Record<string, string> = {};
  for (const key of ['width', 'height'] as const) {
    const value = attributes[key];
    if (value === undefined || value === null) continue;
    if (!/^[1-9]\d{0,4}$/.test(value))
      file.fail(`::figure ${key} must be a whole number of pixels, got "${value}"`, node);
    size[key] = value;
  }
  if (Object.keys(size).length > 0) image.data = { hProperties: size };
  const credit = attributes['credit']?.trim() || undefined;
  const figure: Paragraph = figureNode(image, node.children, credit, creditLabel);
  return figure;
}

/** Fails on any attribute the directive does not read (`{.large}` and `{#id}` are attributes too: class and id). */
function checkAttributes(node: ContainerDirective | LeafDirective, written: string, file: VFile): void {
  const allowed = DIRECTIVE_ATTRIBUTES[node.name] ?? [];
  const unknownNames = Object.keys(node.attributes ?? {}).filter((name) => !allowed.includes(name));
  if (unknownNames.length === 0) return;
  const names = unknownNames.map((name) => `"${name}"`).join(', ');
  const what = `unknown attribute${unknownNames.length > 1 ? 's' : ''} ${names} on ${written}`;
  file.fail(
    allowed.length === 0
      ? `${what}, which takes none: remove the {…} after it`
      : `${what}: expected ${allowed.map((name) => `"${name}"`).join(', ')} (check the spelling)`,
    node,
  );
}

function unknown(node: ContainerDirective | LeafDirective, written: string, file: VFile): never {
  return file.fail(
    `unknown directive "${written}": expected one of ${KNOWN.map((name) => `"${name}"`).join(', ')}`,
    node,
  );
}
