/**
 * Column alignment from Markdown tables (`---:`, `:---:`) as classes: remark
 * writes it as the `align` attribute, which HTML no longer has (the W3C checker
 * calls it obsolete) and which the stylesheet's `text-align` would override.
 * `src/styles/global.css` aligns `.align-right` and `.align-center` cells.
 *
 * @example
 * // <td align="right">320</td> → <td class="align-right">320</td>
 */
import type { Element, Root, RootContent } from 'hast';

const ALIGNMENTS = new Set(['left', 'right', 'center']);

export default function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree.children);
  };
}

function visit(children: RootContent[]): void {
  for (const node of children) {
    if (node.type !== 'element') continue;
    if (node.tagName === 'td' || node.tagName === 'th') align(node);
    visit(node.children);
  }
}

function align(cell: Element): void {
  const value = cell.properties['align'];
  if (value === undefined) return;
  delete cell.properties['align'];
  if (typeof value !== 'string' || !ALIGNMENTS.has(value)) return;
  // Left is the stylesheet's default for every cell.
  if (value === 'left') return;
  const existing = cell.properties['className'];
  const classes = Array.isArray(existing) ? existing.map(String) : [];
  cell.properties['className'] = [...classes, `align-${value}`];
}
