import { describe, expect, it } from 'vitest';
import { pageItems } from '#src/lib/pagination.ts';

describe('pageItems', () => {
  it.each([
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [1, 13, [1, 2, 'gap', 13]],
    [6, 13, [1, 'gap', 5, 6, 7, 'gap', 13]],
    // A gap of one page shows the page, never an ellipsis standing for one number.
    [3, 13, [1, 2, 3, 4, 'gap', 13]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [13, 13, [1, 'gap', 12, 13]],
  ])('page %i of %i: %j', (current, last, expected) => {
    expect(pageItems(current, last)).toEqual(expected);
  });

  it('gives nothing for an empty list', () => {
    expect(pageItems(1, 0)).toEqual([]);
  });
});
