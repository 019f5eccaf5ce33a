/**
 * Whether an image file can be read as Astro's image pipeline reads it: format and size from its first bytes, with
 * the probe Astro itself uses (`imageMetadata` from `astro/assets/utils`). A file that fails here (a damaged download,
 * a web page saved as `photo.jpg`) would stop the build later with Astro's `NoImageMetadata`, naming neither article
 * nor line; `readContent` refuses it first, at the line that shows it.
 *
 * Only the head of a file is read: PNG, GIF and WebP give their size in the first bytes, a JPEG after its EXIF block.
 * A file whose head is not enough (a JPEG with a large embedded thumbnail or colour profile) is read whole, as Astro
 * reads it, so the verdict is Astro's either way.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Enough for the size of nearly every image; a file this size or smaller is read whole anyway. */
const HEAD_BYTES = 64 * 1024;

type ImageMetadata = (typeof import('astro/assets/utils'))['imageMetadata'];

/** Reads up to `length` bytes from the start of the file (all of them when `length` is undefined). */
function readStart(path: string, length?: number): { bytes: Buffer; whole: boolean } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = Buffer.alloc(length === undefined ? size : Math.min(size, length));
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: bytes.subarray(0, read), whole: read >= size };
  } finally {
    closeSync(fd);
  }
}

/**
 * A checker of image files for one reading of the content folder: each file is read once, however many articles
 * show it. Astro's probe is loaded with the first image.
 */
export function createImageProbe(): (path: string) => Promise<boolean> {
  let probe: Promise<ImageMetadata> | undefined;
  const verdicts = new Map<string, Promise<boolean>>();
  const readable = async (path: string): Promise<boolean> => {
    probe ??= import('astro/assets/utils').then((module) => module.imageMetadata);
    const imageMetadata = await probe;
    const fits = async (bytes: Buffer) =>
      imageMetadata(bytes, path).then(
        () => true,
        () => false,
      );
    try {
      const head = readStart(path, HEAD_BYTES);
      if (await fits(head.bytes)) return true;
      return !head.whole && (await fits(readStart(path).bytes));
    } catch {
      // Unreadable (permissions, removed since listed): not an image the build can use either.
      return false;
    }
  };
  return (path) => {
    let verdict = verdicts.get(path);
    if (!verdict) verdicts.set(path, (verdict = readable(path)));
    return verdict;
  };
}
