/**
 * Before any site or browser test: serves the Astro lock (tests/support/astro-lock.ts),
 * builds the standard fixture site that most of them read, under TZ=UTC (the
 * determinism test compares it with a build under another TZ), and unpacks the
 * packaged Chromium once, so that test files running side by side never unpack it at once.
 */
import type { TestProject } from 'vitest/node';
import { serveAstroLock } from './astro-lock.ts';
import { prepareBrowser } from './browser.ts';
import { buildFixtureSite } from './fixture-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `dist/` of the standard fixture site (fr-FR, Asia/Shanghai, built under TZ=UTC). */
    fixtureDist: string;
    /** What `npm run build` printed while building it. */
    fixtureBuildOutput: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const closeLock = await serveAstroLock();
  const [build] = await Promise.all([buildFixtureSite('fixture', { TZ: 'UTC' }), prepareBrowser()]);
  project.provide('fixtureDist', build.dist);
  project.provide('fixtureBuildOutput', build.output);
  return closeLock;
}
