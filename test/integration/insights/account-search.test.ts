import { expect, it } from 'vitest';
import { describeEachEngine } from '../../helpers/test-database.js';
import { useVoiceFixture } from './voice-fixture.js';

describeEachEngine('searching accounts by name', (engine) => {
  const fixture = useVoiceFixture(engine);
  const names = async (who: 'ana' | 'ben' | 'eve', search: string) => {
    const response = await fixture.as(who).get(`/api/accounts?search=${encodeURIComponent(search)}`);
    expect(response.status).toBe(200);
    return (response.body as { items: { name: string }[] }).items.map((a) => a.name);
  };

  it('lists the accounts whose name contains the text, among those the caller may see', async () => {
    // Eve, an executive, sees every account; case does not matter.
    expect(await names('eve', 'O')).toEqual(['Acme Corp', 'Globex']);
    expect(await names('eve', 'glo')).toEqual(['Globex']);
    // Ana sees Acme through her deal, and none of Ben's Globex.
    expect(await names('ana', 'o')).toEqual(['Acme Corp']);
    expect(await names('ben', 'globex')).toEqual(['Globex']);
  });

  it('takes % and _ as plain characters, and answers nothing to blank text', async () => {
    expect(await names('eve', '%')).toEqual([]);
    expect(await names('eve', '   ')).toEqual([]);
  });

  it('refuses a limit out of range', async () => {
    const response = await fixture.as('eve').get('/api/accounts?search=a&limit=500');
    expect(response.status).toBe(400);
  });
});
