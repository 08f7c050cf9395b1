/**
 * A mapping for a small deals CSV with the columns Deal ID, Deal Name, Owner (a person's name),
 * Stage, Value, Currency, Close and Created, as the imports page would upload it. `stages` adds
 * stages the organisation does not have yet.
 */
export function dealsCsvMapping(
  source: string,
  stages: { name: string; order: number; probability: number; forecastCategory: string }[] = [],
) {
  return {
    entity: 'opportunities',
    source,
    idPrefix: `${source}:`,
    ...(stages.length > 0 ? { stages } : {}),
    fields: {
      id: 'Deal ID',
      name: 'Deal Name',
      ownerId: { column: 'Owner', lookup: 'user' },
      stage: 'Stage',
      amount: 'Value',
      currency: 'Currency',
      closeDate: 'Close',
      createdAt: 'Created',
    },
  };
}
