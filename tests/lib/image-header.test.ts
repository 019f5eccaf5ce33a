import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageProbe } from '#src/lib/image-header.ts';
import { flatImage } from '../support/fixture-images.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotative-header-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A JPEG with comment segments after its start marker, pushing its size (SOF) `bytes` further in. */
function paddedJpeg(jpeg: Buffer, bytes: number): Buffer {
  const segments: Buffer[] = [];
  for (let left = bytes; left > 0; left -= 60_000) {
    const length = Math.min(left, 60_000);
    const segment = Buffer.alloc(4 + length, 0x20);
    segment.set([0xff, 0xfe], 0);
    segment.writeUInt16BE(length + 2, 2);
    segments.push(segment);
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

describe('createImageProbe', () => {
  it.each(['png', 'jpeg', 'webp', 'avif', 'gif'] as const)('reads a %s', async (format) => {
    expect(await createImageProbe()(await file(`ok.${format}`, await flatImage(format)))).toBe(true);
  });

  it.each([
    ['a web page saved as an image', '<html><body>404 Not Found</body></html>\n'],
    ['an empty file', ''],
    ['text', 'Ceci n’est pas une image.'],
  ])('refuses %s', async (_, text) => {
    expect(await createImageProbe()(await file('bad.jpg', text))).toBe(false);
  });

  it('refuses a PNG cut before its size', async () => {
    const png = await flatImage('png');
    expect(await createImageProbe()(await file('cut.png', png.subarray(0, 20)))).toBe(false);
  });

  it('reads a JPEG whose size comes after more than its head (a large profile or thumbnail) from the whole file', async () => {
    const jpeg = paddedJpeg(await flatImage('jpeg'), 150_000);
    expect(jpeg.length).toBeGreaterThan(150_000);
    expect(await createImageProbe()(await file('padded.jpg', jpeg))).toBe(true);
    // Cut inside the padding, the same file has no size to read.
    expect(await createImageProbe()(await file('padded-cut.jpg', jpeg.subarray(0, 100_000)))).toBe(false);
  });

  it('refuses a file it cannot open', async () => {
    expect(await createImageProbe()(join(dir, 'absent.png'))).toBe(false);
  });

  it('reads each file once per probe', async () => {
    const probe = createImageProbe();
    const path = await file('once.png', await flatImage('png'));
    expect(await probe(path)).toBe(true);
    await unlink(path);
    expect(await probe(path)).toBe(true);
    expect(await createImageProbe()(path)).toBe(false);
  });
});
