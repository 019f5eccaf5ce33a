import { describe, expect, it } from 'vitest';
import { closingTag } from '#src/lib/html-element.ts';

/** The element from `start` to the end of its closing tag, as text. */
function element(html: string | Buffer, start: number): string | undefined {
  const close = closingTag(html, start);
  return close && String(html.slice(start, close[1]));
}

describe('closingTag', () => {
  const html =
    '<body><section class="picks"><h2>C</h2><ul><li><section><h3>É</h3></section></li></ul></section><sections>x</sections><section>après</section></body>';
  const start = html.indexOf('<section class');
  const whole = '<section class="picks"><h2>C</h2><ul><li><section><h3>É</h3></section></li></ul></section>';

  it('ends the element at its own closing tag, nested elements of the same name counted', () => {
    expect(element(html, start)).toBe(whole);
  });

  it('finds the same element in the page’s bytes as in its text', () => {
    const bytes = Buffer.from(html);
    expect(element(bytes, bytes.indexOf('<section class'))).toBe(whole);
  });

  it('does not take another element whose name starts the same for one of its own', () => {
    const tricky = '<section a><sections><section>i</section></sections></section>';
    expect(element(tricky, 0)).toBe(tricky);
  });

  it('is nothing when the element is never closed, or its name cannot be read', () => {
    expect(closingTag('<section><p>ouvert</p>', 0)).toBeUndefined();
    expect(closingTag('<!-- commentaire -->', 0)).toBeUndefined();
  });
});
