/**
 * The benchmark's yardstick: the generated corpus as a minimal Hugo site (our own templates), so `npm run bench` times
 * `hugo` and Pagefind's full index of its output in the same run as our build. Its pages carry what ours carry in
 * substance (headline, standfirst, source line, body, editors, neighbours, 20-article section pages, homepage, RSS,
 * sitemap), with bodies marked `data-pagefind-body` as ours are.
 */
import { writeFiles } from '../tests/support/synthetic-corpus.ts';

export interface HugoArticle {
  /** Path under `content/articles/`, e.g. `2020/fictif-00001.md`. */
  path: string;
  section: string;
  /** The article file as editors write it (YAML frontmatter, Markdown body). */
  text: string;
}

const CONFIG = `baseURL = "https://rotative.example.org/"
languageCode = "fr-FR"
defaultContentLanguage = "fr"
title = "Rotative"
timeZone = "Asia/Shanghai"
paginate = 20
disableKinds = ["taxonomy", "term"]

[markup.goldmark.renderer]
  unsafe = false
`;

const LAYOUTS: Record<string, string> = {
  'layouts/_default/baseof.html': `<!doctype html>
<html lang="fr-FR">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} – {{ site.Title }}{{ end }}</title>
<link rel="canonical" href="{{ .Permalink }}"></head>
<body>
<header><p><a href="/">{{ site.Title }}</a></p>
<p class="site-updated">Dernière mise à jour à {{ .Lastmod.Format "15h04" }} le {{ .Lastmod.Format "02/01" }}</p>
<nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></footer>
</body></html>
`,
  'layouts/_default/single.html': `{{ define "main" }}
<article data-pagefind-body>
<h1>{{ .Title }}</h1>
{{ with .Params.summary }}<p class="standfirst">{{ . }}</p>{{ end }}
<p data-pagefind-ignore>{{ .Params.source }} | <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "02.01.2006 15h04" }}</time></p>
{{ .Content }}
<p data-pagefind-ignore>(Rédacteurs : {{ delimit .Params.editors ", " }})</p>
</article>
<nav>{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
`,
  'layouts/_default/list.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages.ByDate.Reverse).Pages }}
<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
<p>{{ .Params.source }} | {{ .Date.Format "02.01.2006 15h04" }}</p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  'layouts/index.html': `{{ define "main" }}
{{ range site.Sections }}<section><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<ul>{{ range first 4 .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>
{{ end }}
{{ end }}
`,
};

/** Hugo's front matter: ours, with `updated` as Hugo's `lastmod` and without `section` (the folder says it). */
function hugoArticle(text: string): string {
  const end = text.indexOf('\n---\n', 4);
  const frontmatter = text
    .slice(0, end)
    .replace(/^updated: /m, 'lastmod: ')
    .replace(/^section: .*\n/m, '');
  return frontmatter + text.slice(end);
}

/** Writes the Hugo site for `articles` into `dir` (content under `content/<section>/`). */
export async function writeHugoSite(
  dir: string,
  articles: readonly HugoArticle[],
  sections: readonly { slug: string; name: string }[],
): Promise<void> {
  const permalinks = sections.map((s) => `  ${s.slug} = "/:section/:year/:month/:day/:filename/"\n`).join('');
  const files: Record<string, string> = { 'hugo.toml': `${CONFIG}\n[permalinks]\n${permalinks}`, ...LAYOUTS };
  for (const s of sections) files[`content/${s.slug}/_index.md`] = `---\ntitle: '${s.name}'\n---\n`;
  for (const a of articles) {
    const name = a.path.replace(/\//g, '-');
    files[`content/${a.section}/${name}`] = hugoArticle(a.text);
  }
  await writeFiles(dir, files);
}
