/**
 * Starts `astro dev` on a free loopback port over a content folder, as the live
 * preview test and `npm run bench -- --dev` both do, and stops it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DevServer {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>/` */
  base: string;
  /** Everything the server printed so far, and how it exited. */
  output: () => string;
  stop: () => Promise<void>;
}

/** A port nothing listens on. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** `astro dev` on `content`, with its own build cache and clock; `port` is free by default. */
export async function startDevServer(options: {
  content: string;
  cache: string;
  now: string;
  port?: number;
}): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  // Astro's dev server does not serve pages when it sees Vitest's variables (it expects to be under test itself).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^VITEST|^TEST$|^NODE_ENV$/.test(key)));
  const child = spawn(
    process.execPath,
    // --ignore-lock: alongside an editor's own `astro dev`, and no lock file left behind.
    [
      join(ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--ignore-lock',
    ],
    {
      cwd: ROOT,
      env: {
        ...env,
        // Astro runs dev servers in the background when it believes an agent started it.
        ASTRO_DEV_BACKGROUND: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        ROTATIVE_CONTENT_DIR: options.content,
        ROTATIVE_CACHE_DIR: options.cache,
        ROTATIVE_NOW: options.now,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', (code, signal) => (output += `\n(the server exited: ${code ?? signal})\n`));
  return {
    child,
    base: `http://127.0.0.1:${port}/`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
