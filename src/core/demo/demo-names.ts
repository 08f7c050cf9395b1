import type { Random } from './random.js';

/**
 * Invented names for the demo's people and companies, built from syllables chosen to sound like no
 * one in particular: the demo must never show a real person or a real company.
 */
const givenStarts = ['Al', 'Bri', 'Cal', 'Da', 'Eli', 'Fen', 'Ga', 'Hal', 'Isa', 'Jor', 'Ka', 'Le'] as const;
const givenMiddles = ['', 'ri', 've', 'lo', 'ma', 'ni', 'se'] as const;
const givenEnds = ['ra', 'lin', 'no', 'ria', 'ven', 'nna', 'ric', 'la', 'mon', 'ssa', 'dan', 'wen'] as const;
const familyStarts = [
  'Quor',
  'Vel',
  'Zan',
  'Thal',
  'Mirr',
  'Oss',
  'Brev',
  'Kest',
  'Lun',
  'Tor',
  'Yss',
  'Dro',
];
const familyEnds = ['ane', 'ick', 'wyn', 'ault', 'emar', 'ison', 'ard', 'ova', 'essi', 'undt', 'oyle', 'ath'];
const companyStarts = [
  'Ar',
  'Bel',
  'Cor',
  'Dex',
  'Ev',
  'Fal',
  'Gry',
  'Hel',
  'Iv',
  'Jas',
  'Kor',
  'Lum',
] as const;
const companyMiddles = ['a', 'o', 'i', 'e', 'u', 'ae'] as const;
const companyEnds = [
  'vex',
  'lith',
  'tora',
  'nyx',
  'quin',
  'dara',
  'vell',
  'mara',
  'zon',
  'rith',
  'bis',
  'tal',
];

export type NameFactory = {
  /** A new, unused person name such as "Brisenna Kestwyn". */
  person: () => string;
  /** A new, unused company name such as "Corotora Logistics". */
  company: (kind: string) => string;
};

export function createNameFactory(random: Random): NameFactory {
  const used = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const name = make();
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  return {
    person: () => unique(() => inventPersonName(random)),
    company: (kind) =>
      unique(
        () =>
          `${random.pick(companyStarts)}${random.pick(companyMiddles)}${random.pick(companyEnds)} ${kind}`,
      ),
  };
}

/** An invented person name; not unique (for contacts mentioned on deals). */
export function inventPersonName(random: Random): string {
  return (
    `${random.pick(givenStarts)}${random.pick(givenMiddles)}${random.pick(givenEnds)} ` +
    `${random.pick(familyStarts)}${random.pick(familyEnds)}`
  );
}

/** The local part of a demo e-mail address: "Brisenna Kestwyn" → "brisenna.kestwyn". */
export function emailLocalPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '.');
}
