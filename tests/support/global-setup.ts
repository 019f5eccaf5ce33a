/**
 * Builds the standard fixture site once for every build and browser test.
 * TZ is set to UTC here; the determinism test rebuilds under another TZ and compares.
 */
import type { TestProject } from 'vitest/node';
import { buildFixtureSite } from './fixture-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `dist/` of the standard fixture site (fr-FR, Asia/Shanghai, built under TZ=UTC). */
    fixtureDist: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const dist = await buildFixtureSite('fixture', { TZ: 'UTC' });
  project.provide('fixtureDist', dist);
}
