/** What a file's bytes say about their encoding. */
export type SniffedEncoding = {
  /** `utf-8`, `windows-1252`, or the UTF-16 variant a byte-order mark names. */
  encoding: string;
  /** Length of the byte-order mark (0 when there is none). */
  bomBytes: number;
};

export type EncodingSniffer = {
  push: (bytes: Uint8Array) => void;
  finish: () => SniffedEncoding;
};

/**
 * Tells UTF-8 from Windows-1252 as the bytes stream past: a byte-order mark decides; otherwise the
 * file is UTF-8 when all of it decodes as strict UTF-8, and Windows-1252 (what Excel on Windows
 * writes, and what older CRM exports are in) as soon as one sequence does not. Plain ASCII is
 * valid UTF-8, so a file is never misread either way.
 */
export function createEncodingSniffer(): EncodingSniffer {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const head: number[] = [];
  let valid = true;
  return {
    push: (bytes) => {
      for (let i = 0; head.length < 3 && i < bytes.length; i += 1) head.push(bytes[i] ?? 0);
      if (!valid) return;
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        valid = false;
      }
    },
    finish: () => {
      if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
      if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
      if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
      if (valid) {
        try {
          decoder.decode();
        } catch {
          valid = false;
        }
      }
      return { encoding: valid ? 'utf-8' : 'windows-1252', bomBytes: 0 };
    },
  };
}

/** The byte-order mark length an explicitly named encoding has at the start of these bytes. */
export function bomLength(encoding: string, head: Uint8Array): number {
  const name = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name === 'utf8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (name === 'utf16le' && head[0] === 0xff && head[1] === 0xfe) return 2;
  if (name === 'utf16be' && head[0] === 0xfe && head[1] === 0xff) return 2;
  return 0;
}
