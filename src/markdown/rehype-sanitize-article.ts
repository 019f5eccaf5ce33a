/**
 * Makes an article body safe to publish: raw HTML (wire copy often carries some) is parsed into elements, then checked
 * against the allow-list in `sanitize-schema.ts`, which removes scripts, styles, event handlers, `javascript:` and
 * `data:` URLs, forms, frames, SVG and MathML. Ids get the `user-content-` prefix so they cannot shadow the page's own.
 *
 * @example
 * // <p onclick="steal()">Texte <script>steal()</script><a href="javascript:steal()">lien</a></p>
 * // → <p>Texte <a>lien</a></p>
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import type { Transformer } from 'unified';
import { articleSanitizeSchema, type SanitizeOptions } from './sanitize-schema.ts';

export type { SanitizeOptions };

export default function rehypeSanitizeArticle(options: SanitizeOptions = {}): Transformer<Root, Root> {
  const parseRaw = rehypeRaw();
  const sanitize = rehypeSanitize(articleSanitizeSchema(options));
  return (tree, file) => {
    // Parsing raw HTML re-parses the whole tree; most bodies have none, so they skip it.
    const parsed = hasRaw(tree) ? parseRaw(tree, file) : tree;
    return sanitize(parsed);
  };
}

function hasRaw(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === 'raw') return true;
  if (!node.children) return false;
  for (const child of node.children) if (hasRaw(child as { type: string; children?: unknown[] })) return true;
  return false;
}
