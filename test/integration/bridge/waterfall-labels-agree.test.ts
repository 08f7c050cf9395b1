import { expect, it } from 'vitest';
import { shortStepLabels as packLabels } from '../../../src/core/boardpack/waterfall-axis-labels.js';
import { layoutAxisLabels as packLayout } from '../../../src/core/boardpack/waterfall-axis-labels.js';
import {
  layoutAxisLabels as pageLayout,
  shortStepLabels as pageLabels,
} from '../../../src/web/bridge/waterfall-labels.js';

// The web app cannot import core, so the Bridge page keeps its own copy of the waterfall's short
// names and label layout: they must stay the same as the board pack's.
it('names the waterfall bars and lays out their labels alike on the Bridge page and in the board pack', () => {
  expect(pageLabels).toEqual(packLabels);
  for (const plotWidth of [300, 654, 1100]) {
    for (const labels of [
      ['Start', 'New', 'End'],
      Object.values(packLabels),
      Array(30).fill('Owner change'),
    ]) {
      expect(pageLayout({ labels, plotWidth, fontSize: 11 })).toEqual(
        packLayout({ labels, plotWidth, fontSize: 11 }),
      );
    }
  }
});
