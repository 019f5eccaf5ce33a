/**
 * Local images through Astro's image pipeline (`getImage`), as `<picture>`:
 * AVIF and WebP sources and a JPEG or PNG fallback, each at the widths the
 * layout needs, with `sizes` matching the CSS, and width and height always set
 * so nothing moves while images load. Lead images, teasers and body images all
 * come through here; `src/components/Picture.astro` renders the result.
 */
import { getImage } from 'astro:assets';
import type { ImageAsset } from '#src/lib/articles.ts';
import { SLOTS, type Slot } from '#src/lib/image-slots.ts';

export type { Slot };

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

/**
 * A social card: the image 1200 px wide (or its own width when narrower) as JPEG, with its size. JPEG has no
 * transparency: a transparent background (a logo, a map) is laid on white, where sharp would leave it black.
 */
export async function socialImageOf(asset: ImageAsset): Promise<{ src: string; width: number; height: number }> {
  const image = await getImage({
    src: asset,
    width: Math.min(1200, asset.width),
    format: 'jpg',
    background: '#ffffff',
  });
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
