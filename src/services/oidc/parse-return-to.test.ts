import { describe, expect, it } from 'vitest';
import { parseReturnTo } from './parse-return-to.js';

describe('parseReturnTo', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(parseReturnTo('/pipeline?quarter=2026-Q1#d1')).toBe('/pipeline?quarter=2026-Q1#d1');
  });

  it('answers / when nothing is given', () => {
    expect(parseReturnTo(undefined)).toBe('/');
    expect(parseReturnTo('')).toBe('/');
  });

  it('ignores protocol-relative and backslash forms that browsers read as another host', () => {
    expect(parseReturnTo('//evil.example/x')).toBe('/');
    expect(parseReturnTo('/\\evil.example/x')).toBe('/');
    expect(parseReturnTo('/pipeline\\..\\x')).toBe('/');
  });

  it('ignores absolute URLs and relative paths', () => {
    expect(parseReturnTo('https://evil.example/')).toBe('/');
    expect(parseReturnTo('javascript:alert(1)')).toBe('/');
    expect(parseReturnTo('pipeline')).toBe('/');
  });

  it('ignores control characters (a tab or newline inside // is still //)', () => {
    expect(parseReturnTo('/\t/evil.example')).toBe('/');
    expect(parseReturnTo('/pipeline\r\nSet-Cookie: x=1')).toBe('/');
  });

  it('normalises dot segments but stays on this site', () => {
    expect(parseReturnTo('/a/../../deals')).toBe('/deals');
  });
});
