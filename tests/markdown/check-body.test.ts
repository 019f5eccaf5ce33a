import { describe, expect, it } from 'vitest';
import { formatProblem } from '#src/lib/problems.ts';
import { createBodyChecker, isUnknownTag, rawProse, rawTags } from '#src/markdown/check-body.ts';
import { payloads } from './xss-payloads.ts';

const pipeline = { siteUrl: 'https://rotative.example.org', locale: 'fr-FR' };
const check = createBodyChecker(pipeline);
const file = 'content/articles/2021/05/x.md';

/** The problems of `body`, as if it started on line 10 of its file. */
const WITHOUT = 'readers get the text without it; delete it, or write what the site allows (README, Markdown)';

async function problems(body: string, checker = check, draft?: boolean): Promise<string[]> {
  return (await checker(body, { file, bodyLine: 10, draft })).map(formatProblem);
}

const EMPTY = `${file}:10: empty body: nothing in it is shown to readers: write the article below the frontmatter, or mark it draft: true until it is ready`;

describe('createBodyChecker', () => {
  it('passes plain prose at once, without loading a parser', () => {
    expect(check('Un paragraphe.\n\nUn autre, à 15 % : « ça va ».\n', { file, bodyLine: 8 })).toEqual([]);
  });

  it.each(['template', 'textarea', 'style', 'noscript', 'xmp', 'title'])(
    'refuses a stray <%s> that swallows the rest, at the line where the loss begins',
    async (tag) => {
      expect(await problems(`Premier paragraphe.\n\n<${tag}>\n\nDeuxième paragraphe.\n\nTroisième.\n`)).toEqual([
        `${file}:14: prose lost from here on ("Deuxième paragraphe."): the <${tag}> on line 12 hides it, and the sanitiser removes both: delete the tag, or write \\<${tag}> to show it as text`,
      ]);
    },
  );

  it('refuses an unclosed <style> inside <math>', async () => {
    expect(await problems('Avant.\n\n<math><mi>variable</mi><style>\n\nAprès.\n')).toEqual([
      `${file}:12: prose lost from here on ("variable"): the <math> on line 12 hides it, and the sanitiser removes both: delete the tag, or write \\<math> to show it as text`,
    ]);
  });

  it('refuses a comment never closed', async () => {
    expect(await problems('Avant.\n\n<!-- note de la rédaction\n\nAprès.\n')).toEqual([
      `${file}:12: prose lost from here on ("note de la rédaction"): the <!-- on line 12 is never closed with -->, so the rest is a comment: close it or delete it`,
    ]);
  });

  it('refuses the text of a CDATA section, which HTML reads as a comment', async () => {
    expect(await problems('Avant <![CDATA[ texte en cdata ]]> après.\n')).toEqual([
      `${file}:10: prose lost ("texte en cdata"): the <![CDATA[ on line 10 makes it a comment in HTML, which the page drops: remove <![CDATA[ and ]]> around it`,
    ]);
  });

  it.each([
    ["Selon l'agence <Reuters>, le prix a doublé.", '<Reuters>'],
    ['Selon </Reuters>, le prix a doublé.', '</Reuters>'],
    ['Selon <AFP/>, le prix a doublé.', '<AFP>'],
    ['<p>Selon <reuters>, le prix a doublé.</p>', '<reuters>'],
  ])('refuses a word in angle brackets that HTML takes for a tag: %s', async (body, tag) => {
    expect(await problems(`${body}\n`)).toEqual([
      `${file}:10: ${tag} is no HTML tag, but the page reads it as one and drops it, word and all: write &lt;${tag.slice(1)} to show it as written, or drop the brackets`,
    ]);
  });

  it('names such a word once a line, and does not also warn that its tag was removed', async () => {
    expect(await problems('<REUTERS>a</REUTERS> et <REUTERS>b</REUTERS>.\n')).toEqual([
      `${file}:10: <REUTERS> is no HTML tag, but the page reads it as one and drops it, word and all: write &lt;REUTERS> to show it as written, or drop the brackets`,
      `${file}:10: </REUTERS> is no HTML tag, but the page reads it as one and drops it, word and all: write &lt;/REUTERS> to show it as written, or drop the brackets`,
    ]);
  });

  it('only warns about real elements, custom ones and a word processor’s, whose text is kept', async () => {
    const body =
      'Un <font color="red">mot</font> et <my-widget>un autre</my-widget>.\n\n<div>\n<o:p></o:p>Texte.\n</div>\n';
    expect(await problems(body)).toEqual([
      `${file}:10: warning: HTML not published as written: <font> removed (what it holds kept); <my-widget> removed (what it holds kept): ${WITHOUT}`,
      `${file}:13: warning: HTML not published as written: <o:p> removed (what it holds kept): ${WITHOUT}`,
    ]);
  });

  it('refuses character references pages would show as �, once a line, as Markdown or HTML reads them', async () => {
    const body = [
      'Texte &#0; et &#xD800; et &#x110000; et &#128;.',
      '',
      '<p>En HTML : &#0 sans point-virgule, et &#128; devient €.</p>',
      '',
      'Montrés tels quels : `&#0;`, \\&#0;, &#99999999; et <!-- &#0; -->.',
    ].join('\n');
    expect(await problems(body)).toEqual([
      `${file}:10: &#0;, &#xD800;, &#x110000;, &#128; name no character, so pages would show them as �: write the character meant, or delete them`,
      `${file}:12: &#0 names no character, so pages would show it as �: write the character meant, or delete it`,
    ]);
  });

  it.each([
    [
      'only a script',
      '<script>alert(1)</script>\n',
      [`${file}:10: warning: HTML not published as written: <script> removed with what it holds: ${WITHOUT}`],
    ],
    ['only a rule', '---\n', []],
    [
      'only a link definition',
      '[a]: https://a.example\n',
      [
        `${file}:10: warning: "[a]: …" is a link definition that no [text][a] uses, so the line is not shown: write \\[a] if it is text to read`,
      ],
    ],
    ['only an empty paragraph', '<p></p>\n', []],
  ])('refuses a body that shows readers nothing (%s) unless it is a draft', async (_, body, others) => {
    expect((await problems(body, check, false)).sort()).toEqual([EMPTY, ...others].sort());
    expect(await problems(body, check, true)).toEqual(others);
    // Not known to be a draft or not (its frontmatter is invalid): not said.
    expect(await problems(body, check)).toEqual(others);
  });

  it('accepts a body that shows only an image, or only punctuation', async () => {
    expect(await problems('![Le port](https://images.example/port.jpg)\n', check, false)).toEqual([]);
    expect(await problems('<img src="https://images.example/port.jpg" alt="Le port">\n', check, false)).toEqual([]);
    expect(await problems('…\n', check, false)).toEqual([]);
  });

  it('accepts closed comments, scripts and styles, and inline HTML that keeps its text', async () => {
    const body = [
      'Un <span lang="en">"We need time"</span> et <b>du gras</b>.',
      '',
      '<!-- note -->',
      '',
      '<script>alert(1)</script>',
      '',
      'Un <style>p{}</style> style en ligne.',
      '',
      '<table><tr><td>cellule</td></tr></table>',
      '',
      'Fin.',
    ].join('\n');
    // Nothing lost; what does not reach the page is named.
    expect(await problems(body)).toEqual([
      `${file}:14: warning: HTML not published as written: <script> removed with what it holds: ${WITHOUT}`,
      `${file}:16: warning: HTML not published as written: <style> removed with what it holds: ${WITHOUT}`,
    ]);
  });

  it('names the markup the sanitiser removes or changes, line by line, and not what it keeps or prefixes', async () => {
    const body = [
      '<div class="pub" style="color:red">Un bloc <font color="red">coloré</font> <span onclick="x()">cliquable</span>.</div>',
      '',
      '<form><input type="text" name="q"></form>',
      '',
      '<a href="ftp://valmorin.example/f" target="_blank">FTP</a> et <a href="https://valmorin.example/" id="ancre" lang="en">un lien</a>.',
    ].join('\n');
    expect(await problems(body)).toEqual([
      `${file}:10: warning: HTML not published as written: class, style of <div> removed; <font> removed (what it holds kept); onclick of <span> removed: ${WITHOUT}`,
      `${file}:12: warning: HTML not published as written: <form> removed (what it holds kept); type of <input> made "checkbox": ${WITHOUT}`,
      `${file}:14: warning: HTML not published as written: href, target of <a> removed: ${WITHOUT}`,
    ]);
  });

  it('finds nothing lost from what Markdown itself writes (why bodies without raw HTML skip the comparison)', async () => {
    // The empty <span> makes the checker compare texts, as it does for any body with raw HTML.
    const body = [
      '<span></span>Un *paragraphe* avec **du gras**, `du code`, ~~barré~~, [un lien](javascript:alert(1)) et une note[^1].',
      '',
      '## Intertitre',
      '',
      '> Une citation.',
      '',
      '- [x] une tâche faite',
      '- une autre',
      '',
      '| Ville | Habitants |',
      '|---|--:|',
      '| Valmorin | 12 000 |',
      '',
      ':::citation[Basile Oudin, porte-parole]',
      'Nous avons besoin de temps.',
      ':::',
      '',
      ':::encadre[Repères]',
      'Un pont en bois.',
      ':::',
      '',
      '::figure[Le port au matin]{src="https://images.example/port.jpg" alt="Des barques" credit="Alix Ferrand"}',
      '',
      '    du code en retrait',
      '',
      '[^1]: Une note appelée.',
    ].join('\n');
    // Only the unsafe link's address is removed, and said so.
    expect(await problems(body)).toEqual([
      `${file}:10: warning: HTML not published as written: href of <a> removed: ${WITHOUT}`,
    ]);
  });

  it('refuses an unknown directive at its line in the file', async () => {
    expect(await problems('Texte.\n\n::video[Le port]{src="https://video.example/1"}\n')).toEqual([
      `${file}:12: unknown directive "::video": expected one of "citation", "encadre", "figure", "pullquote", "aside"`,
    ]);
  });

  it('refuses a figure without alt', async () => {
    expect((await problems('::figure[Légende]{src="./photo.jpg"}\n'))[0]).toMatch(
      /x\.md:10: ::figure needs src and alt/,
    );
  });

  it('warns about a second headline, written either way, but not about subheadings', async () => {
    expect(await problems('# Titre\n\nTexte.\n\nAutre titre\n===\n\n## Intertitre\n')).toEqual([
      `${file}:10: warning: a # heading makes a second headline (the page's <h1> is the title): use ## for a subheading`,
      `${file}:14: warning: a # heading makes a second headline (the page's <h1> is the title): use ## for a subheading`,
    ]);
  });

  it('refuses a note nobody calls, and warns about a link definition nobody uses', async () => {
    const body =
      'Texte[^1] et [lien][a].\n\n[^1]: Appelée.\n[^2]: Jamais appelée.\n\n[a]: https://a.example\n[1]: AFP\n';
    expect(await problems(body)).toEqual([
      `${file}:13: the note [^2] is never called in the text, so it is not shown: add [^2] where it belongs, or delete the note`,
      `${file}:16: warning: "[1]: …" is a link definition that no [text][1] uses, so the line is not shown: write \\[1] if it is text to read`,
    ]);
  });

  it('warns about an iframe dropped while embeds are off', async () => {
    expect(
      await problems('Texte.\n\n<iframe src="https://www.youtube-nocookie.com/embed/x" title="Vidéo"></iframe>\n'),
    ).toEqual([
      `${file}:12: warning: iframe dropped (https://www.youtube-nocookie.com/embed/x): embeds are off; add its address prefix to embeds in src/site.config.ts to allow it, or remove it`,
    ]);
  });

  it('keeps an allowed embed, and says why another is dropped', async () => {
    const embeds = createBodyChecker({ ...pipeline, embedPrefixes: ['https://www.youtube-nocookie.com/embed/'] });
    const body = [
      '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Vidéo"></iframe>',
      '',
      '<iframe src="https://www.youtube-nocookie.com/embed/y"></iframe>',
      '',
      '<iframe src="https://evil.example/" title="Piège"></iframe>',
    ].join('\n');
    expect(await problems(body, embeds)).toEqual([
      `${file}:12: warning: iframe dropped (https://www.youtube-nocookie.com/embed/y): an embed needs a title saying what it shows (title="…"), for readers who cannot see it`,
      `${file}:14: warning: iframe dropped (https://evil.example/): its address starts with none of the embeds allowed in src/site.config.ts (https://www.youtube-nocookie.com/embed/); add its prefix there, or remove it`,
    ]);
  });

  it('refuses hostile copy whose text the sanitiser would hide, and lets the rest through to be sanitised', async () => {
    const refused: string[] = [];
    for (const payload of payloads) {
      const found = await check(`Avant.\n\n${payload.markdown}\n\nAprès.\n`, { file, bodyLine: 1 });
      if (found.some((p) => p.severity === 'error' && p.message.startsWith('prose lost'))) refused.push(payload.name);
    }
    expect(refused).toEqual([
      'svg link with xlink:href',
      'svg animate setting href',
      'MathML link',
      'MathML mutation (mXSS)',
    ]);
  });
});

describe('rawProse', () => {
  it('gives the text between tags, with quoted attributes that hold > and tags a browser would read', () => {
    expect(rawProse('<p title="a>b">un</p><img src=x onerror=a=1>deux<!-- non -->trois').map((p) => p.text)).toEqual([
      'un',
      'deux',
      'trois',
    ]);
  });

  it('counts the text of a CDATA section as prose, up to the > that ends it in HTML', () => {
    expect(rawProse('a<![CDATA[ b ]]>c<![CDATA[ d > e ]]>').map((p) => p.text)).toEqual(['a', 'b', 'c', 'd', 'e ]]>']);
  });

  it('counts what follows an unclosed script or comment as prose', () => {
    expect(rawProse('<script>code</script>a<script>b').map((p) => p.text)).toEqual(['a', 'b']);
    expect(rawProse('<!-- c').map((p) => p.text)).toEqual(['c']);
  });
});

describe('rawTags', () => {
  it('gives the tags a browser reads, not those in comments, scripts, SVG or attribute values', () => {
    const html = '<p title="<x>">a<Reuters></p><!-- <b> --><script>"<i>"</script><svg><circle/></svg></AFP>';
    expect(rawTags(html).map((t) => `${t.closing ? '/' : ''}${t.name}@${t.start}`)).toEqual(
      ['<p ', '<Reuters>', '</p>', '<script>', '<svg>', '</AFP>'].map(
        (tag) => `${tag.replace(/^<|[ >]$/g, '')}@${html.indexOf(tag)}`,
      ),
    );
  });
});

describe('isUnknownTag', () => {
  it.each([
    ['Reuters', true],
    ['AFP', true],
    ['font', false],
    ['P', false],
    ['search', false],
    ['my-widget', false],
    ['o:p', false],
  ])('%s: %s', (name, unknown) => {
    expect(isUnknownTag(name)).toBe(unknown);
  });
});
