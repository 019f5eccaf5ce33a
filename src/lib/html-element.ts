/**
 * Finds an element's end in built HTML without parsing the page: the search
 * indexer (the region Pagefind indexes) and the stamp refresh (the picks
 * block) both need it over thousands of pages, one as text, one as bytes.
 */

/** The matching closing tag `[start, end)` of the element whose start tag begins at `start`; undefined when its name or closing tag cannot be told. */
export function closingTag(html: string | Buffer, start: number): [start: number, end: number] | undefined {
  const name = /^<([a-z][a-z0-9-]*)/.exec(String(html.slice(start, start + 64)))?.[1];
  if (!name) return undefined;
  // `<name` followed by a space or `>`, so `<section` never counts a `<sections>`.
  const tagAt = (prefix: string, from: number): number => {
    let at = html.indexOf(prefix, from);
    while (at !== -1 && !/[\s>]/.test(String(html.slice(at + prefix.length, at + prefix.length + 1))))
      at = html.indexOf(prefix, at + 1);
    return at;
  };
  // Nested elements of the same name are counted, so an inner one cannot end it early.
  let depth = 0;
  for (let at = start; ;) {
    const open = tagAt(`<${name}`, at);
    const close = tagAt(`</${name}`, at);
    if (close === -1) return undefined;
    if (open !== -1 && open < close) {
      depth++;
      at = open + 1;
    } else {
      depth--;
      if (depth === 0) return [close, html.indexOf('>', close) + 1];
      at = close + 1;
    }
  }
}
