/**
 * Where an image sits in the layout (`src/styles/global.css`): the widths to
 * make and the `sizes` to announce, for `src/data/pictures.ts` and the tests
 * that check the built pages against them.
 */
export const SLOTS = {
  /** The article column (`--measure`, 40rem) or the phone's width less its margins. */
  article: { widths: [400, 800, 1200], sizes: '(min-width: 42rem) 40rem, calc(100vw - 2rem)' },
  /** The homepage's lead story: two thirds of the 72rem page from 64rem up. */
  lead: { widths: [400, 800, 1200], sizes: '(min-width: 72rem) 46rem, (min-width: 64rem) 62vw, calc(100vw - 2rem)' },
  /**
   * Secondary stories two in a row from 40rem (two or four of them): half the lead's column less the
   * 1.5rem gap, the whole width on a phone.
   */
  secondary: {
    widths: [400, 800],
    sizes:
      '(min-width: 72rem) 22rem, (min-width: 64rem) calc(31vw - 0.75rem), (min-width: 40rem) calc(50vw - 1.75rem), calc(100vw - 2rem)',
  },
  /** Secondary stories three in a row from 40rem: a third of the lead's column less two gaps. */
  secondaryThree: {
    widths: [400, 800],
    sizes:
      '(min-width: 72rem) 14rem, (min-width: 64rem) calc(20.5vw - 1rem), (min-width: 40rem) calc(33vw - 1.6rem), calc(100vw - 2rem)',
  },
  /** Thumbnails beside list teasers (`.teaser-image` in `.teaser.has-image`): 6rem wide, 7rem from 40rem. */
  thumb: { widths: [200, 400], sizes: '(min-width: 40rem) 7rem, 6rem' },
} as const;

export type Slot = keyof typeof SLOTS;
