/**
 * Makes `remark-gfm` (which Astro adds when `gfm` is on) cheaper on running text, with the same tree: a body without
 * `@`, `www.` or `http(s)://` is parsed without GFM's autolink literals, and one without `|` without its tables. Those
 * could match nothing there, yet trying them at every word and line is most of the parsing of news copy (figures:
 * README, Performance). Must come first among the remark plugins, right after `remark-gfm`.
 */
import type { Processor } from 'unified';

/** Could `markdown` hold an autolink literal? (Every kind needs one of these.) */
export function mayHaveAutolinkLiteral(markdown: string): boolean {
  return /@|www\.|https?:\/\//i.test(markdown);
}

/** Could `markdown` hold a table? (A GFM table's head row needs a pipe.) */
export function mayHaveTable(markdown: string): boolean {
  return markdown.includes('|');
}

/** Constructs of `micromark-extension-gfm-autolink-literal` and `-table`, by name. */
const AUTOLINK_CONSTRUCTS = new Set(['emailAutolink', 'wwwAutolink', 'protocolAutolink']);
const TABLE_CONSTRUCTS = new Set(['table']);
/** The tree transform of `mdast-util-gfm-autolink-literal`. */
const AUTOLINK_TRANSFORM = 'transformGfmAutolinkLiterals';

type Construct = { name?: string };
type SyntaxExtension = Record<string, Record<string, Construct | Construct[] | undefined> | undefined>;
type TreeExtension = { transforms?: { name: string }[] } | TreeExtension[];

/** `extension` without the named constructs, or `undefined` if it has none of them. */
function withoutConstructs(extension: SyntaxExtension, names: Set<string>): SyntaxExtension | undefined {
  const lean: SyntaxExtension = {};
  let removed = false;
  for (const [hook, record] of Object.entries(extension)) {
    if (!record) continue;
    const kept: NonNullable<SyntaxExtension[string]> = {};
    for (const [code, value] of Object.entries(record)) {
      const list = Array.isArray(value) ? value : value ? [value] : [];
      const rest = list.filter((construct) => !names.has(construct.name ?? ''));
      if (rest.length !== list.length) removed = true;
      if (rest.length > 0) kept[code] = rest;
    }
    lean[hook] = kept;
  }
  return removed ? lean : undefined;
}

/** `extension` without the named tree transform, or `undefined` if it has none. */
function withoutTransform(extension: TreeExtension, name: string): TreeExtension | undefined {
  if (Array.isArray(extension)) {
    const lean = extension.map((e) => withoutTransform(e, name));
    return lean.some((e) => e !== undefined) ? lean.map((e, i) => e ?? extension[i]!) : undefined;
  }
  const transforms = extension.transforms ?? [];
  const rest = transforms.filter((t) => t.name !== name);
  return rest.length !== transforms.length ? { ...extension, transforms: rest } : undefined;
}

/** One entry of a processor's extension list, with its cheaper variants. */
function variants<T>(list: T[], lean: (e: T) => T | undefined): { at: number; full: T; lean: T } | undefined {
  const at = list.findIndex((e) => lean(e) !== undefined);
  return at === -1 ? undefined : { at, full: list[at]!, lean: lean(list[at]!)! };
}

export default function remarkGfmFast(this: Processor): void {
  const data = this.data();
  const syntax = (data.micromarkExtensions ?? []) as SyntaxExtension[];
  const trees = (data.fromMarkdownExtensions ?? []) as TreeExtension[];
  const parse = this.parser;
  const gfm = variants(syntax, (e) => withoutConstructs(e, AUTOLINK_CONSTRUCTS));
  // Without remark-gfm (gfm off) there is nothing to speed up.
  if (!gfm || !parse) return;
  const variant = (autolinks: boolean, tables: boolean) => {
    let e: SyntaxExtension | undefined = gfm.full;
    if (!autolinks) e = withoutConstructs(e, AUTOLINK_CONSTRUCTS) ?? e;
    if (!tables) e = withoutConstructs(e, TABLE_CONSTRUCTS) ?? e;
    return e;
  };
  const syntaxFor = [variant(false, false), variant(false, true), variant(true, false), gfm.full];
  const transform = variants(trees, (e) => withoutTransform(e, AUTOLINK_TRANSFORM));

  // remark-parse reads both lists on each call; parsing is synchronous, so the swap cannot leak.
  this.parser = function parseGfmFast(document, file) {
    const autolinks = mayHaveAutolinkLiteral(document);
    syntax[gfm.at] = syntaxFor[(autolinks ? 2 : 0) + (mayHaveTable(document) ? 1 : 0)]!;
    if (transform && !autolinks) trees[transform.at] = transform.lean;
    try {
      return parse(document, file);
    } finally {
      syntax[gfm.at] = gfm.full;
      if (transform) trees[transform.at] = transform.full;
    }
  };
}
