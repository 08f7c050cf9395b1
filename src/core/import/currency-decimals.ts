/**
 * Minor-unit digits of a currency that an import names without saying (ISO 4217). Most currencies
 * have 2; these are the exceptions met in CRM data.
 */
const exceptions: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function defaultCurrencyDecimals(code: string): number {
  return exceptions[code] ?? 2;
}
