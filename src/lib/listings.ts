/** How a tag's or an editor's page names itself, in the site's language. */
import type { Translate } from '#src/i18n/index.ts';
import type { Listing } from './articles.ts';

export function listingWording(listing: Pick<Listing, 'kind' | 'name'>, t: Translate, siteName: string) {
  const { name } = listing;
  return listing.kind === 'tag'
    ? {
        segment: t('tagsPath'),
        name: t('tagTitle', { name }),
        description: t('tagDescription', { name }),
        feedTitle: t('feedTag', { site: siteName, name }),
      }
    : {
        segment: t('editorsPath'),
        name: t('editorTitle', { name }),
        description: t('editorDescription', { name }),
        feedTitle: t('feedEditor', { site: siteName, name }),
      };
}
