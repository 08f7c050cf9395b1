/** Exact sums of the decimal strings a bridge prints, for tests: in minor units as bigint. */
export function toMinor(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole + fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

export type BridgeJson = {
  period: string;
  from: string;
  to: string;
  currency: string;
  start: string;
  won: string;
  open: string;
  end: string;
  steps: { kind: string; amount: string; deals: { id: string; amount: string }[] }[];
  groups?: { label: string; start: string; end: string }[];
};

export type PipelineJson = { categories: Record<string, { deals: number; amount: string }> };

export function openOf(pipeline: PipelineJson): bigint {
  return ['Pipeline', 'Best Case', 'Commit'].reduce(
    (sum, c) => sum + toMinor(pipeline.categories[c]?.amount ?? '0'),
    0n,
  );
}
