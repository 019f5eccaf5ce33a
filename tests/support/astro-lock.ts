/**
 * One Astro process at a time across the test workers. `astro build` and
 * `astro dev` write the content modules of the site they build (the images
 * of `.astro/content-assets.mjs`, the collections' types) into the project's
 * one `.astro/` folder, so two builds of different content at once would each
 * read the other's. Everything else in the site tests runs side by side.
 *
 * The global setup serves the lock on a loopback port; a worker holds it for as
 * long as its connection is open, so a worker that dies releases it.
 */
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Where the global setup tells the workers (and its own build) the lock's port. */
const PORT_VARIABLE = 'ROTATIVE_TEST_ASTRO_LOCK';

/** Serves the lock, first come, first served; sets the variable the workers read. */
export async function serveAstroLock(): Promise<() => Promise<void>> {
  const queue: Socket[] = [];
  const server = createServer((socket) => {
    queue.push(socket);
    if (queue.length === 1) socket.write('go\n');
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const place = queue.indexOf(socket);
      queue.splice(place, 1);
      if (place === 0) queue[0]?.write('go\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env[PORT_VARIABLE] = String((server.address() as AddressInfo).port);
  return () => new Promise((resolve) => server.close(() => resolve()));
}

/** Waits for the lock; resolves to the function that releases it. */
export async function acquireAstroLock(): Promise<() => void> {
  const port = Number(process.env[PORT_VARIABLE]);
  if (!port) throw new Error(`${PORT_VARIABLE} is not set: site tests run under tests/support/global-setup.ts`);
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    socket.once('data', resolve);
    socket.once('error', reject);
  });
  // Past this point, the lock ends with the connection whatever happens to it.
  socket.on('error', () => undefined);
  return () => socket.destroy();
}

/** Runs `work` holding the lock. */
export async function withAstroLock<T>(work: () => Promise<T>): Promise<T> {
  const release = await acquireAstroLock();
  try {
    return await work();
  } finally {
    release();
  }
}
