import type { JsonValue } from '../core/canonical-json.js';
import type { NewEvent } from '../core/ledger-event.js';
import type { Currency, OrgSettings } from '../core/org-entities.js';
import type { Stage } from '../core/stage.js';
import { appendEvents } from '../store/append-events.js';
import { findOrgSettings, listCurrencies, listCurrencyRates, listStages } from '../store/org-queries.js';
import type { Connection } from '../store/session.js';

export type OrganisationSeed = {
  settings: OrgSettings;
  currencies: readonly Currency[];
  /** Rates to the corporate currency, per currency code. */
  rates?: readonly { code: string; validFrom: string; rate: string }[];
  stages: readonly Stage[];
};

export type BootstrapOptions = {
  actor: string;
  source: NewEvent['source'];
  batchId: string | null;
  /** Business time of the configuration events. */
  businessTime: Date;
  recordedTime: Date;
};

/**
 * Makes sure the organisation exists: in an empty database, records its settings, currencies and
 * stages as ledger events; in an existing one, adds only stages and currencies it does not know
 * yet (an import may bring new ones). Returns true when the organisation was created now.
 * Runs inside the caller's transaction.
 */
export async function bootstrapOrganisation(
  conn: Connection,
  seed: OrganisationSeed,
  options: BootstrapOptions,
): Promise<boolean> {
  const existing = await findOrgSettings(conn);
  const knownStages = new Set((await listStages(conn)).map((s) => s.name));
  const knownCurrencies = new Set((await listCurrencies(conn)).map((c) => c.code));
  const events: NewEvent[] = [];
  const add = (
    entityType: NewEvent['entityType'],
    entityId: string,
    kind: string,
    payload: { [key: string]: JsonValue },
  ) => events.push({ ...options, entityType, entityId, kind, payload, originKey: null });

  if (!existing) add('org', 'org', 'org.configured', { ...seed.settings });
  for (const currency of seed.currencies) {
    if (!knownCurrencies.has(currency.code))
      add('currency', currency.code, 'currency.defined', { ...currency });
  }
  const knownRates = new Set(
    (await listCurrencyRates(conn)).map((r) => `${r.code} ${r.validFrom} ${r.rate}`),
  );
  for (const rate of seed.rates ?? []) {
    if (knownRates.has(`${rate.code} ${rate.validFrom} ${rate.rate}`)) continue;
    add('currency', rate.code, 'currency.rate_set', { validFrom: rate.validFrom, rate: rate.rate });
  }
  for (const stage of seed.stages) {
    if (!knownStages.has(stage.name))
      add('stage', stage.name, 'stage.defined', { ...stage, requiredFields: [...stage.requiredFields] });
  }
  if (events.length > 0) await appendEvents(conn, events, { recordedTime: options.recordedTime });
  return !existing;
}
