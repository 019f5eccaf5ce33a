/**
 * An image alone in its paragraph with a title becomes a figure: the title is
 * its caption, and what follows a final " | " is the credit. The image stays
 * a Markdown image, so Astro still optimises local files and sizes them.
 *
 * @example
 * // creditLabel: 'Photo : {credit}'
 * // ![Le port au matin](./port.jpg "Le port de Valmorin | Alix Ferrand")
 * // → <figure class="figure"><img src="./port.jpg" alt="Le port au matin">
 * //   <figcaption>Le port de Valmorin <span class="credit">Photo : Alix Ferrand</span></figcaption></figure>
 */
import type { Image, Paragraph, Parent, PhrasingContent, Root } from 'mdast';

const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition', 'containerDirective']);

export interface FiguresOptions {
  /** How a credit reads, with `{credit}` for the name, e.g. `Photo : {credit}`. */
  creditLabel: string;
}

/** A paragraph rendered as `<figure>` around `image`, captioned with `caption` and `credit` when given. */
export function figureNode(
  image: Image,
  caption: PhrasingContent[],
  credit: string | undefined,
  creditLabel: string,
): Paragraph {
  const captionChildren: PhrasingContent[] = [...caption];
  if (credit) {
    if (captionChildren.length > 0) captionChildren.push({ type: 'text', value: ' ' });
    captionChildren.push({
      type: 'emphasis',
      data: { hName: 'span', hProperties: { className: ['credit'] } },
      children: [{ type: 'text', value: creditLabel.replace('{credit}', credit) }],
    });
  }
  const children: PhrasingContent[] = [image];
  if (captionChildren.length > 0) {
    // An emphasis node only as a phrasing wrapper: its element becomes <figcaption>.
    children.push({ type: 'emphasis', data: { hName: 'figcaption', hProperties: {} }, children: captionChildren });
  }
  return { type: 'paragraph', data: { hName: 'figure', hProperties: { className: ['figure'] } }, children };
}

/** "Caption | Credit" → caption and credit; without " | " it is all caption. */
export function splitCaption(title: string): { caption: string; credit: string | undefined } {
  const bar = title.lastIndexOf(' | ');
  if (bar === -1) return { caption: title.trim(), credit: undefined };
  return { caption: title.slice(0, bar).trim(), credit: title.slice(bar + 3).trim() || undefined };
}

export default function remarkFigures(options: FiguresOptions) {
  if (typeof options?.creditLabel !== 'string' || !options.creditLabel.includes('{credit}')) {
    throw new Error('remark-figures: the `creditLabel` option must be a text with {credit}, e.g. "Photo : {credit}"');
  }
  const { creditLabel } = options;
  const visitBlocks = (parent: Parent): void => {
    const blocks = parent.children;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type !== 'paragraph') {
        // Paragraphs only live at the top or in these containers; phrasing is never searched.
        if (CONTAINERS.has(block.type)) visitBlocks(block as Parent);
        continue;
      }
      const image = loneImage(block);
      if (!image?.title) continue;
      const { caption, credit } = splitCaption(image.title);
      image.title = null;
      blocks[i] = figureNode(image, caption ? [{ type: 'text', value: caption }] : [], credit, creditLabel);
    }
  };
  return (tree: Root) => visitBlocks(tree);
}

/** The paragraph's only image, white space around it allowed. */
function loneImage(paragraph: Paragraph): Image | undefined {
  let image: Image | undefined;
  for (const child of paragraph.children) {
    if (child.type === 'image' && !image) image = child;
    else if (child.type !== 'text' || child.value.trim() !== '') return undefined;
  }
  return image;
}
