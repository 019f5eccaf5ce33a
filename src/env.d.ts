/**
 * Astro's virtual module of the images the content store imported (`__ASTRO_IMAGE_`
 * references), keyed as its content runtime keys them: read by `src/data/site-data.ts`.
 */
declare module 'astro:asset-imports' {
  const imports: Map<string, import('astro').ImageMetadata>;
  export default imports;
}
