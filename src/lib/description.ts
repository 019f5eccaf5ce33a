/**
 * What a page says it is about when the editor wrote no `summary`: the body's
 * first sentence(s), cut at a word boundary near 160 characters, for the meta
 * description, og:description, the feeds' `<description>` and teasers.
 *
 * @see https://developers.google.com/search/docs/appearance/snippet#meta-descriptions
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/** The key under an entry's `rendered.metadata` where the loader keeps the body's description. */
export const EXCERPT = 'excerpt';

/** Descriptions aim at this many characters. */
export const DESCRIPTION_LENGTH = 160;

/** The rendered body's opening is enough: only the first paragraphs are read. */
const PREFIX = 4000;

/** Text of the body's first top-level paragraphs (figures, boxes, quotes and notes left out). */
export function leadText(html: string): string {
  const tree: Root = fromHtml(html.slice(0, PREFIX), { fragment: true });
  const paragraphs = tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');
  const parts: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    const text = clean(toString(paragraph));
    if (text === '') continue;
    parts.push(text);
    length += text.length;
    if (length >= DESCRIPTION_LENGTH * 2) break;
  }
  return parts.join(' ');
}

/** `.`, `!`, `?` or `…`, then maybe a (narrow) no-break space and a closing quote or bracket. */
const SENTENCE_END = /[.!?…](?:[\u00a0\u202f]?[»”"')\]])?/;

function clean(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').trim();
}

/**
 * Whole sentences while they fit in `max` characters; when the first does not,
 * its words up to about `max`, and an ellipsis. Sentences end at `.`, `!`, `?`
 * or `…` followed by a plain space (French typography puts a no-break space
 * inside "M. Lavrov", never a plain one).
 *
 * @example describe('Un. Deux trois. ' + 'x'.repeat(200)) // 'Un. Deux trois.'
 */
export function describe(text: string, max = DESCRIPTION_LENGTH): string {
  const plain = clean(text);
  if (plain.length <= max) return plain;
  const sentences = plain.split(new RegExp(`(?<=${SENTENCE_END.source}) (?=\\S)`));
  let out = '';
  for (const sentence of sentences) {
    const next = out === '' ? sentence : `${out} ${sentence}`;
    if (next.length > max) break;
    out = next;
  }
  if (out !== '') return out;
  // The first sentence alone is too long: cut it between words.
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const words = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:\u00a0\u202f–—-]+$/, '');
  return `${words}…`;
}
