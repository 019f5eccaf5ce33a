/**
 * Local images through Astro's image pipeline (`getImage`), as `<picture>`:
 * AVIF and WebP sources and a JPEG or PNG fallback, each at the widths the
 * layout needs, with `sizes` matching the CSS, and width and height always set
 * so nothing moves while images load. Lead images, teasers and body images all
 * come through here; `src/components/Picture.astro` renders the result.
 */
import { getImage } from 'astro:assets';
import type { ImageAsset } from '../lib/articles.ts';

/** Where an image sits in the layout (`src/styles/global.css`): the widths to make and the `sizes` to announce. */
export const SLOTS = {
  /** The article column (`--measure`, 40rem) or the phone's width less its margins. */
  article: { widths: [400, 800, 1200], sizes: '(min-width: 42rem) 40rem, calc(100vw - 2rem)' },
  /** The homepage's lead story: two thirds of the 72rem page from 64rem up. */
  lead: { widths: [400, 800, 1200], sizes: '(min-width: 72rem) 46rem, (min-width: 64rem) 62vw, calc(100vw - 2rem)' },
  /**
   * Secondary stories two in a row from 40rem (two or four of them): half the lead's column less the
   * 1.5rem gap, the whole width on a phone.
   */
  secondary: {
    widths: [400, 800],
    sizes:
      '(min-width: 72rem) 22rem, (min-width: 64rem) calc(31vw - 0.75rem), (min-width: 40rem) calc(50vw - 1.75rem), calc(100vw - 2rem)',
  },
  /** Secondary stories three in a row from 40rem: a third of the lead's column less two gaps. */
  secondaryThree: {
    widths: [400, 800],
    sizes:
      '(min-width: 72rem) 14rem, (min-width: 64rem) calc(20.5vw - 1rem), (min-width: 40rem) calc(33vw - 1.6rem), calc(100vw - 2rem)',
  },
  /** Thumbnails beside list teasers (`.teaser-image` in `.teaser.has-image`): 6rem wide, 7rem from 40rem. */
  thumb: { widths: [200, 400], sizes: '(min-width: 40rem) 7rem, 6rem' },
} as const;

export type Slot = keyof typeof SLOTS;

export interface PictureData {
  sources: { type: string; srcset: string; sizes: string }[];
  img: {
    src: string;
    srcset: string;
    sizes: string;
    width: number;
    height: number;
    alt: string;
    loading: 'eager' | 'lazy';
    decoding: 'async' | 'sync';
    fetchpriority?: 'high';
  };
}

const MIME: Record<string, string> = { avif: 'image/avif', webp: 'image/webp' };

/**
 * The `<picture>` of a local image in a slot. `priority` is for the one image a
 * page leads with: loaded at once, first (`fetchpriority="high"`); every other
 * image loads lazily.
 */
export async function pictureOf(
  asset: ImageAsset,
  options: { alt: string; slot: Slot; priority?: boolean },
): Promise<PictureData> {
  const { widths, sizes } = SLOTS[options.slot];
  // Photographs stay JPEG for browsers without AVIF or WebP; anything else (transparency) PNG.
  const fallback = asset.format === 'jpg' || asset.format === 'jpeg' ? 'jpg' : 'png';
  const make = (format: string) => getImage({ src: asset, widths: [...widths], sizes, format, alt: options.alt });
  const [avif, webp, img] = await Promise.all([make('avif'), make('webp'), make(fallback)]);
  const width = Number(img.attributes['width'] ?? asset.width);
  const height = Number(img.attributes['height'] ?? asset.height);
  return {
    sources: [avif, webp].map((image) => ({
      type: MIME[String(image.options.format)] ?? `image/${String(image.options.format)}`,
      srcset: image.srcSet.attribute,
      sizes,
    })),
    img: {
      src: img.src,
      srcset: img.srcSet.attribute,
      sizes,
      width,
      height,
      alt: options.alt,
      ...(options.priority
        ? { loading: 'eager', decoding: 'sync', fetchpriority: 'high' }
        : { loading: 'lazy', decoding: 'async' }),
    },
  };
}

/** A social card: the image 1200 px wide (or its own width when narrower) as JPEG, with its size. */
export async function socialImageOf(asset: ImageAsset): Promise<{ src: string; width: number; height: number }> {
  const image = await getImage({ src: asset, width: Math.min(1200, asset.width), format: 'jpg' });
  return {
    src: image.src,
    width: Number(image.attributes['width']),
    height: Number(image.attributes['height']),
  };
}

const escapeAttribute = (value: string | number) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The same `<picture>` as `Picture.astro` renders, as HTML, for article bodies. */
export function pictureHtml(picture: PictureData): string {
  const attributes = (record: Record<string, string | number | undefined>) =>
    Object.entries(record)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => ` ${name}="${escapeAttribute(value!)}"`)
      .join('');
  const sources = picture.sources.map((source) => `<source${attributes(source)}>`).join('');
  return `<picture>${sources}<img${attributes({ ...picture.img })}></picture>`;
}
