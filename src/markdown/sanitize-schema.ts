/**
 * What editors may put in an article body, as a `rehype-sanitize` schema. Wire copy comes from outside the newsroom,
 * so whatever is not listed is removed; elements whose content is worth keeping (an unknown `<font>`, say) are
 * unwrapped, dangerous ones dropped whole.
 *
 * @see https://github.com/syntax-tree/hast-util-sanitize#schema
 */
import type { Options as Schema } from 'rehype-sanitize';

export interface SanitizeOptions {
  /**
   * URL prefixes an `<iframe src>` may start with, e.g.
   * `https://www.youtube-nocookie.com/embed/`. Empty (the default) allows no iframe.
   */
  embedPrefixes?: readonly string[];
}

const text = [
  'p',
  'br',
  'hr',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'abbr',
  'cite',
  'q',
  'code',
  'kbd',
  'samp',
  'var',
  'span',
  'time',
  'bdi',
  'bdo',
  'wbr',
  'dfn',
];
const blocks = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'div',
  'section',
  'aside',
  'figure',
  'figcaption',
  'details',
  'summary',
];
const tables = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'colgroup', 'col'];
const media = ['a', 'img', 'picture', 'source', 'input'];

/** The sanitising schema for article bodies. */
export function articleSanitizeSchema(options: SanitizeOptions = {}): Schema {
  const embeds = (options.embedPrefixes?.length ?? 0) > 0;
  return {
    tagNames: [...text, ...blocks, ...tables, ...media, ...(embeds ? ['iframe'] : [])],
    // Dropped with their content, rather than unwrapped into visible text.
    strip: [
      'script',
      'style',
      'template',
      'noscript',
      'title',
      'textarea',
      'select',
      'option',
      'svg',
      'math',
      'object',
      'embed',
      'applet',
      'frameset',
      'noembed',
      'xmp',
      'iframe',
    ].filter((tag) => !(embeds && tag === 'iframe')),
    attributes: {
      a: [
        'href',
        'title',
        'hrefLang',
        'rel',
        'dataFootnoteRef',
        'dataFootnoteBackref',
        ['className', 'data-footnote-backref'],
        'ariaDescribedBy',
        'ariaLabel',
      ],
      img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
      source: ['srcSet', 'media', 'type', 'width', 'height'],
      blockquote: ['cite'],
      q: ['cite'],
      del: ['cite', 'dateTime'],
      ins: ['cite', 'dateTime'],
      time: ['dateTime'],
      abbr: ['title'],
      dfn: ['title'],
      ol: ['start', 'reversed', ['className', 'contains-task-list']],
      ul: [['className', 'contains-task-list']],
      li: [['className', 'task-list-item']],
      input: [['type', 'checkbox'], ['disabled', true], 'checked'],
      code: [['className', /^language-[\w-]+$/]],
      td: ['colSpan', 'rowSpan', 'align'],
      th: ['colSpan', 'rowSpan', 'align', 'scope'],
      col: ['span'],
      colgroup: ['span'],
      section: ['dataFootnotes', ['className', 'footnotes']],
      h2: [['className', 'sr-only']],
      aside: [['className', 'aside', 'note', 'citation', 'pullquote']],
      figure: [['className', 'pullquote', 'figure']],
      // The figure credit and the title of a box (`::figure`, `:::encadre`).
      span: [['className', 'credit']],
      p: [['className', 'aside-title']],
      details: ['open'],
      iframe: ['src', 'title', 'width', 'height', 'allowFullScreen', 'loading'],
      '*': ['id', 'lang', 'dir', 'title'],
    },
    required: {
      input: { type: 'checkbox', disabled: true },
      iframe: { loading: 'lazy' },
    },
    protocols: {
      href: ['http', 'https', 'mailto', 'tel'],
      src: ['http', 'https'],
      cite: ['http', 'https'],
      srcSet: ['http', 'https'],
    },
    ancestors: {
      tbody: ['table'],
      thead: ['table'],
      tfoot: ['table'],
      tr: ['table'],
      td: ['table'],
      th: ['table'],
      caption: ['table'],
      col: ['table'],
      colgroup: ['table'],
      li: ['ul', 'ol'],
      figcaption: ['figure'],
      summary: ['details'],
      source: ['picture'],
    },
    // User ids are prefixed so they cannot shadow the page's own (DOM clobbering).
    clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
    clobberPrefix: 'user-content-',
  };
}
