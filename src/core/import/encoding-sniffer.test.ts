import { describe, expect, it } from 'vitest';
import { bomLength, createEncodingSniffer } from './encoding-sniffer.js';

function sniff(...chunks: number[][]) {
  const sniffer = createEncodingSniffer();
  for (const chunk of chunks) sniffer.push(new Uint8Array(chunk));
  return sniffer.finish();
}

describe('createEncodingSniffer', () => {
  it('reads valid UTF-8 (and plain ASCII) as UTF-8', () => {
    expect(sniff([0x41, 0x2c, 0x42])).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    expect(sniff([0x43, 0x61, 0x66, 0xc3, 0xa9])).toEqual({ encoding: 'utf-8', bomBytes: 0 });
  });

  it('keeps a UTF-8 sequence split across chunks valid', () => {
    expect(sniff([0x43, 0xc3], [0xa9, 0x41])).toEqual({ encoding: 'utf-8', bomBytes: 0 });
  });

  it('reads bytes that are not UTF-8 as Windows-1252', () => {
    // "Café" as Excel on Windows writes it: é is the single byte 0xE9.
    expect(sniff([0x43, 0x61, 0x66, 0xe9, 0x2c])).toEqual({ encoding: 'windows-1252', bomBytes: 0 });
    // A lone lead byte at the very end is not UTF-8 either.
    expect(sniff([0x41, 0xc3])).toEqual({ encoding: 'windows-1252', bomBytes: 0 });
  });

  it('honours byte-order marks', () => {
    expect(sniff([0xef, 0xbb, 0xbf, 0x41])).toEqual({ encoding: 'utf-8', bomBytes: 3 });
    expect(sniff([0xff, 0xfe, 0x41, 0x00])).toEqual({ encoding: 'utf-16le', bomBytes: 2 });
  });

  it('measures the mark of an encoding given by hand', () => {
    expect(bomLength('UTF-8', new Uint8Array([0xef, 0xbb, 0xbf]))).toBe(3);
    expect(bomLength('windows-1252', new Uint8Array([0xef, 0xbb, 0xbf]))).toBe(0);
  });
});
