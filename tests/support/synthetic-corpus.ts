/**
 * Generates clearly fictional French articles for tests and benchmarks: made-up
 * towns, made-up people, every headline marked "[Fictif]". Deterministic for a
 * given seed, so a test's fixture site is the same on every machine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface SectionSpec {
  slug: string;
  name: string;
  description: string;
  /** Relative share of the generated articles. */
  weight: number;
}

export interface CorpusOptions {
  count: number;
  seed?: number;
  sections?: SectionSpec[];
  /** First publication instant; articles follow each other by `stepMinutes`. */
  start?: Date;
  stepMinutes?: number;
  /** Paragraphs per article body. */
  paragraphs?: number;
}

export interface GeneratedArticle {
  /** Path under `content/articles/`. */
  path: string;
  id: string;
  section: string;
  date: Date;
  text: string;
}

export const defaultSections: SectionSpec[] = [
  { slug: 'international', name: 'International', description: 'L’actualité du monde (fictive).', weight: 5 },
  { slug: 'economie', name: 'Économie', description: 'Entreprises et marchés imaginaires.', weight: 3 },
  { slug: 'culture', name: 'Culture', description: 'Scènes et livres inventés.', weight: 2 },
];

/** Mulberry32: a small seeded PRNG, good enough for fixtures. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const towns = [
  'Valmorin',
  'Port-Lumière',
  'Ostravie',
  'Castelbrume',
  'Nordelande',
  'Sainte-Orbe',
  'Brisecôte',
  'Montfalaise',
];
const people = [
  'Alix Ferrand',
  'Basile Oudin',
  'Clémence Vautrin',
  'Dario Pellegrin',
  'Esther Manouvrier',
  'Félix Garancière',
];
const subjects = [
  'le conseil municipal',
  'la coopérative des pêcheurs',
  'le théâtre des Saules',
  'la chambre de commerce',
  'l’observatoire régional',
  'le syndicat des apiculteurs',
];
const verbs = ['inaugure', 'annonce', 'reporte', 'présente', 'célèbre', 'examine'];
const objects = [
  'un pont en bois',
  'un festival de lanternes',
  'un plan pour les ruelles',
  'une saison de concerts',
  'un marché flottant',
  'une bibliothèque mobile',
];
const sentences = [
  'Selon {person}, porte-parole de {subject} de {town}, le projet « avance sans bruit ».',
  'Les habitants de {town} se sont rassemblés dès 8 heures sur la place principale.',
  'Le budget prévu atteint 15 % des dépenses annuelles, a précisé {person}.',
  'Aucune date n’a encore été fixée pour la suite des travaux, a-t-on appris vendredi.',
  '« Nous avons besoin de temps ; rien ne presse », a déclaré {person} lors d’une réunion publique.',
  'Cette ville imaginaire sert de décor à un article de démonstration généré automatiquement.',
  'Les discussions reprendront la semaine prochaine à {town}, selon un communiqué de {subject}.',
  'Le rapport, long de 120 pages, recommande de consulter les riverains avant tout chantier.',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function fillSentence(rand: () => number, template: string): string {
  return template
    .replace(/\{town\}/g, () => pick(rand, towns))
    .replace(/\{person\}/g, () => pick(rand, people))
    .replace(/\{subject\}/g, () => pick(rand, subjects));
}

/** An ISO 8601 string with the +08:00 offset the newsroom's editors would write. */
export function isoBeijing(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000);
  return `${local.toISOString().slice(0, 19)}+08:00`;
}

function yamlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Generates `count` articles, dated one after another from `start`. */
export function generateCorpus(options: CorpusOptions): GeneratedArticle[] {
  const rand = random(options.seed ?? 1);
  const sections = options.sections ?? defaultSections;
  const totalWeight = sections.reduce((sum, s) => sum + s.weight, 0);
  const start = options.start ?? new Date('2021-04-01T00:00:00Z');
  const step = (options.stepMinutes ?? 37) * 60_000;
  const paragraphs = options.paragraphs ?? 4;
  const articles: GeneratedArticle[] = [];
  for (let i = 0; i < options.count; i++) {
    let r = rand() * totalWeight;
    const section = sections.find((s) => (r -= s.weight) < 0) ?? sections[0]!;
    const date = new Date(start.getTime() + i * step);
    const town = pick(rand, towns);
    const title = `[Fictif] ${pick(rand, subjects).replace(/^./, (c) => c.toUpperCase())} de ${town} ${pick(rand, verbs)} ${pick(rand, objects)} (n° ${i + 1})`;
    const number = String(i + 1).padStart(5, '0');
    const id = `${date.toISOString().slice(0, 4)}/fictif-${number}`;
    const updated = i % 4 === 0 ? new Date(date.getTime() + 45 * 60_000) : undefined;
    const related = i > 3 && i % 5 === 0 ? [articles[i - 2]!.id, articles[i - 3]!.id] : [];
    const body = Array.from({ length: paragraphs }, () =>
      Array.from({ length: 3 + Math.floor(rand() * 3) }, () => fillSentence(rand, pick(rand, sentences))).join(' '),
    ).join('\n\n');
    const frontmatter = [
      '---',
      `title: ${yamlString(title)}`,
      `summary: ${yamlString(`Article fictif de démonstration sur ${town}, ville imaginaire.`)}`,
      `date: ${isoBeijing(date)}`,
      ...(updated ? [`updated: ${isoBeijing(updated)}`] : []),
      `section: ${section.slug}`,
      'source: Agence Fictive',
      'editors:',
      `  - ${pick(rand, people)}`,
      ...(i % 3 === 0 ? [`  - ${pick(rand, people)}`] : []),
      `tags: [fictif, ${town.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')}]`,
      ...(related.length ? ['related:', ...related.map((r) => `  - ${r}`)] : []),
      '---',
      '',
    ].join('\n');
    articles.push({ path: `${id}.md`, id, section: section.slug, date, text: `${frontmatter}\n${body}\n` });
  }
  return articles;
}

/** `sections.yaml` for the given sections. */
export function sectionsYaml(sections: SectionSpec[] = defaultSections): string {
  return sections
    .map(
      (s, i) =>
        `${s.slug}:\n  name: ${yamlString(s.name)}\n  description: ${yamlString(s.description)}\n  order: ${(i + 1) * 10}\n`,
    )
    .join('');
}

/** Writes files (paths relative to `dir`), creating folders. */
export async function writeFiles(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  const entries = Object.entries(files);
  // In batches: tens of thousands of files opened at once exhaust the process's file descriptors.
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(
      entries.slice(i, i + 256).map(async ([path, text]) => {
        const target = join(dir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }),
    );
  }
}
