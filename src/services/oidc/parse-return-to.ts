const fallback = '/';
const base = 'http://candor.invalid';

/**
 * Where to send the browser after signing in: a path on this site, or '/'. Anything that could lead
 * elsewhere is ignored rather than refused (an open redirect would let a phishing link borrow
 * Candor's sign-in): '//host' and '/\host' (browsers read both as another host), absolute URLs,
 * control characters, and anything that resolves outside this origin.
 */
export function parseReturnTo(raw: string | undefined): string {
  if (raw === undefined || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(raw, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
