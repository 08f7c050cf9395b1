import { describe, expect, it } from 'vitest';
import { isBusinessReview } from '../imported-meeting.js';
import { parseInsightType } from './map-mapped-insight.js';
import { checkMapping, mappingFileSchema } from './mapping-file.js';
import { splitNames } from './map-mapped-meeting.js';

describe('reading meetings and insights from files', () => {
  it('reads insight types by name, label or a common word, and nothing else', () => {
    expect(parseInsightType('feature-request')).toBe('feature-request');
    expect(parseInsightType('Service or billing problem')).toBe('service-problem');
    expect(parseInsightType(' Competitor ')).toBe('competitor-mention');
    expect(parseInsightType('loss_reason')).toBe('loss-reason');
    expect(parseInsightType('Rumour')).toBeNull();
  });

  it('counts business reviews as planned meetings, by title or type', () => {
    expect(isBusinessReview(['Globex Q2 QBR'])).toBe(true);
    expect(isBusinessReview([null, 'Executive Business Review'])).toBe(true);
    expect(isBusinessReview(['EBR prep'])).toBe(true);
    expect(isBusinessReview(['Pricing escalation', 'Meeting'])).toBe(false);
    // A word that merely contains the letters is not a review.
    expect(isBusinessReview(['QBRX sync'])).toBe(false);
  });

  it('splits attendee lists on semicolons, dropping blanks', () => {
    expect(splitNames(' Ada Lovelace ;; Bob East;')).toEqual(['Ada Lovelace', 'Bob East']);
    expect(splitNames(null)).toEqual([]);
  });

  it('refuses a meetings or insights mapping that names neither an account nor a deal', () => {
    const mapping = mappingFileSchema.parse({ fields: { type: 'Kind', startsAt: 'Date', title: 'Subject' } });
    expect(checkMapping('meetings', mapping)).toEqual([
      "unknown field 'type' for meetings",
      'a mapping for meetings needs accountId, opportunityId or both',
    ]);
    expect(checkMapping('insights', mapping)).toEqual([
      "unknown field 'startsAt' for insights",
      "unknown field 'title' for insights",
      'a mapping for insights needs accountId, opportunityId or both',
    ]);
  });
});
