/**
 * Images for the fixture site, drawn with sharp (no binary committed): a
 * 1600×900 JPEG shared in `images/` and an 800×600 JPEG beside an article.
 * Smooth gradients and shapes, so the AVIF and WebP encoders take little time.
 */
import sharp from 'sharp';

function scene(width: number, height: number, sky: string, sea: string, mark: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
  <rect width="100%" height="60%" fill="url(#s)"/><rect y="60%" width="100%" height="40%" fill="${sea}"/>
  <circle cx="${width * 0.75}" cy="${height * 0.25}" r="${height * 0.1}" fill="${mark}"/>
  <rect x="${width * 0.2}" y="${height * 0.45}" width="${width * 0.05}" height="${height * 0.2}" fill="#333"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** A small image of one colour, for checks that read only an image's header. */
export function flatImage(format: 'png' | 'jpeg' | 'webp' | 'avif' | 'gif', width = 12, height = 8): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#1f4e79' } })
    .toFormat(format)
    .toBuffer();
}

let images: Promise<Record<string, Buffer>> | undefined;
let redrawn: Promise<Record<string, Buffer>> | undefined;

/** Paths under the content folder → bytes. */
export function fixtureImages(): Promise<Record<string, Buffer>> {
  images ??= (async () => ({
    'images/port.jpg': await scene(1600, 900, '#6aa6d8', '#1f4e79', '#f2c14e'),
    'articles/2021/06/phare.jpg': await scene(800, 600, '#d88a6a', '#2d5d3b', '#ffffff'),
  }))();
  return images;
}

/** The same images redrawn in other colours, same names and sizes: a photo replaced without touching any article. */
export function redrawnFixtureImages(): Promise<Record<string, Buffer>> {
  redrawn ??= (async () => ({
    'images/port.jpg': await scene(1600, 900, '#9a6ad8', '#792f1f', '#4ef2c1'),
    'articles/2021/06/phare.jpg': await scene(800, 600, '#6ad8b0', '#5d2d4b', '#ffd700'),
  }))();
  return redrawn;
}
