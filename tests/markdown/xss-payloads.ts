/**
 * Known XSS payloads, as hostile wire copy could carry them in a Markdown
 * body. Each would run script, load a foreign document or navigate the page
 * if it reached a browser as written; the sanitiser must defuse every one.
 * When one runs, it opens a dialog, sets `window.pwned` or changes the title,
 * which the browser test watches for.
 *
 * Collected from the OWASP XSS filter evasion cheat sheet, PortSwigger's XSS
 * cheat sheet and the mutation XSS (mXSS) literature.
 */
import * as cheerio from 'cheerio';

export interface Payload {
  name: string;
  markdown: string;
}

export const payloads: Payload[] = [
  { name: 'script element', markdown: '<script>alert(1)</script>' },
  { name: 'external script', markdown: '<script src="https://evil.example/x.js"></script>' },
  { name: 'script with odd casing and spacing', markdown: '<ScRiPt >window.pwned=1</sCrIpT >' },
  { name: 'img onerror', markdown: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror in capitals, setting a global', markdown: '<IMG SRC=x ONERROR=window.pwned=1>' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)>' },
  { name: 'script inside svg', markdown: '<svg><script>alert(1)</script></svg>' },
  {
    name: 'svg link with xlink:href',
    markdown: '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">clic</text></a></svg>',
  },
  {
    name: 'svg animate setting href',
    markdown: '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">clic</text></a></svg>',
  },
  { name: 'MathML link', markdown: '<math><mi href="javascript:alert(1)">clic</mi></math>' },
  { name: 'MathML mutation (mXSS)', markdown: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'noscript mutation (mXSS)', markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'comment mutation', markdown: '<!--<img src="--><img src=x onerror=alert(1)//">' },
  { name: 'body onload', markdown: '<body onload=alert(1)>' },
  { name: 'iframe with javascript: src', markdown: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe srcdoc', markdown: '<iframe srcdoc="&lt;script&gt;parent.pwned=1&lt;/script&gt;"></iframe>' },
  { name: 'iframe from a foreign site', markdown: '<iframe src="https://evil.example/"></iframe>' },
  { name: 'object data', markdown: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed src', markdown: '<embed src="javascript:alert(1)">' },
  { name: 'base href', markdown: '<base href="javascript:alert(1)//">' },
  { name: 'meta refresh', markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'link stylesheet', markdown: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: 'style with expression()', markdown: '<style>p { width: expression(alert(1)); }</style>' },
  { name: 'style with javascript: url', markdown: '<style>body { background: url("javascript:alert(1)") }</style>' },
  { name: 'style attribute', markdown: '<p style="background-image:url(javascript:alert(1))">texte</p>' },
  { name: 'anchor with javascript: href', markdown: '<a href="javascript:alert(1)">lien</a>' },
  { name: 'javascript: in mixed case', markdown: '<a href="JaVaScRiPt:alert(1)">lien</a>' },
  {
    name: 'javascript: with character references',
    markdown: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">lien</a>',
  },
  { name: 'javascript: with a tab inside', markdown: '<a href="java&#x09;script:alert(1)">lien</a>' },
  { name: 'javascript: after spaces', markdown: '<a href=" &#x20; javascript:alert(1)">lien</a>' },
  { name: 'javascript: with &colon;', markdown: '<a href="javascript&colon;alert(1)">lien</a>' },
  { name: 'vbscript: href', markdown: '<a href="vbscript:msgbox(1)">lien</a>' },
  {
    name: 'data: text/html href',
    markdown: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">lien</a>',
  },
  { name: 'data: svg image', markdown: '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x">' },
  { name: 'Markdown link to javascript:', markdown: '[lien](javascript:alert(1))' },
  { name: 'Markdown link with encoded javascript:', markdown: '[lien](&#106;avascript:alert(1))' },
  { name: 'Markdown autolink to javascript:', markdown: '<javascript:alert(1)>' },
  { name: 'Markdown image from javascript:', markdown: '![x](javascript:alert(1))' },
  {
    name: 'Markdown reference link to data:',
    markdown: '[lien][x]\n\n[x]: data:text/html,%3Cscript%3Ealert(1)%3C/script%3E',
  },
  {
    name: 'event handler on an allowed element',
    markdown: '<a href="https://valmorin.example/" onmouseover="alert(1)">lien</a>',
  },
  { name: 'autofocus onfocus', markdown: '<input onfocus=alert(1) autofocus>' },
  { name: 'details ontoggle', markdown: '<details open ontoggle=alert(1)><summary>x</summary>y</details>' },
  { name: 'video source onerror', markdown: '<video><source onerror=alert(1)></video>' },
  { name: 'audio onerror', markdown: '<audio src=x onerror=alert(1)></audio>' },
  { name: 'form action', markdown: '<form action="javascript:alert(1)"><button>envoyer</button></form>' },
  { name: 'button formaction', markdown: '<button formaction="javascript:alert(1)">envoyer</button>' },
  { name: 'marquee onstart', markdown: '<marquee onstart=alert(1)>texte</marquee>' },
  { name: 'unknown element with handler', markdown: '<xss id=x tabindex=1 onfocus=alert(1) autofocus>texte</xss>' },
  { name: 'template holding script', markdown: '<template><script>alert(1)</script></template>' },
  { name: 'frameset onload', markdown: '<frameset onload=alert(1)>' },
  { name: 'table background', markdown: '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>' },
  { name: 'textarea breakout', markdown: '<textarea><script>alert(1)</script></textarea>' },
  { name: 'title breakout', markdown: '<title><script>alert(1)</script></title>' },
  {
    name: 'DOM clobbering with id and name',
    markdown: '<a id="main" name="pwned" href="https://valmorin.example/">lien</a>',
  },
];

/** Elements that run script, load documents, submit forms or restyle the page. */
const DANGEROUS_ELEMENTS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'svg',
  'math',
  'form',
  'button',
  'textarea',
  'select',
  'template',
  'noscript',
  'title',
  'video',
  'audio',
  'marquee',
  'animate',
];
/** Elements every parsed document has; only their attributes can be a threat (`<body onload>` lands on them). */
const DOCUMENT_ELEMENTS = new Set(['html', 'head', 'body']);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'cite',
  'data',
  'poster',
  'srcset',
  'action',
  'formaction',
  'background',
  'xlink:href',
  'values',
];
/** Ids the page itself uses: an article must not take them. */
const PAGE_IDS = new Set(['main', 'share-heading', 'picks-heading', 'lead-heading']);

/**
 * What `html` (an article body) could do once in a page: each finding is an
 * element or attribute that could run script or hijack the page; empty when
 * it is safe. The body is parsed as a browser parses a page, so `<body onload>`
 * or `<base>` count where a browser would honour them.
 */
export function threats(html: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $('*').each((_, element) => {
    const tag = String($(element).prop('tagName')).toLowerCase();
    if (DANGEROUS_ELEMENTS.includes(tag) && !DOCUMENT_ELEMENTS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'input' && $(element).attr('type') !== 'checkbox') found.push('<input> that is not a checkbox');
    for (const [name, value] of Object.entries($(element).attr() ?? {})) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on')) found.push(`${attribute} on <${tag}>`);
      if (['style', 'srcdoc', 'name', 'autofocus'].includes(attribute)) found.push(`${attribute} on <${tag}>`);
      if (attribute === 'id' && PAGE_IDS.has(value)) found.push(`id="${value}" on <${tag}>`);
      // Browsers drop ASCII whitespace and control characters from URLs before reading the scheme.
      const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(attribute) && /^(javascript|vbscript|data):/.test(url))
        found.push(`${attribute}="${value}" on <${tag}>`);
    }
  });
  return found;
}
