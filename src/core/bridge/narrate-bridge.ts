import {
  countDeals,
  formatShare,
  formatSpokenAmount,
  joinWords,
  type AccountFragment,
  type AccountParagraph,
} from './account-text.js';
import type { CallGap } from './attribute-call-gap.js';
import { callGapLabels } from './attribute-call-gap.js';
import { bridgeStepLabels, type Bridge, type BridgeDeal, type BridgeStepKind } from './bridge-types.js';

export type NarrateInput = {
  bridge: Bridge;
  callGap: CallGap | null;
  decimals: number;
  /** Whether `to` lies at or after the period's end (deals still open then are past due). */
  periodOver: boolean;
  /** The next period's open pipeline as it stands at `to`: the pipeline the pattern would carry into. */
  nextPeriod: { period: string; openMinor: bigint; dealIds: readonly string[] } | null;
};

const gains: readonly BridgeStepKind[] = ['created', 'pulled-in', 'restored', 'reopened', 'increased'];
const drags: readonly BridgeStepKind[] = ['slipped', 'lost', 'omitted', 'decreased'];

/** What each movement is called when it drives the result. */
const driverNames: Partial<Record<BridgeStepKind, string>> = {
  created: 'new deals',
  'pulled-in': 'deals pulled in from other periods',
  restored: 'deals moved back into the forecast',
  reopened: 'reopened deals',
  increased: 'larger amounts',
  slipped: 'slippage to other periods',
  lost: 'lost deals',
  omitted: 'deals moved out of the forecast',
  decreased: 'smaller amounts',
};

/**
 * The plain-language account of a bridge, composed from its facts: the size of the gap (to the call
 * when there is one), the biggest movements with their deals and owners, what drove the result, and
 * whether it is likely to continue, judged on three leading signals (close-date pushes, new pipeline
 * against what slipped and was lost, and the next period's pipeline against this one's start).
 * Each figure carries the deals behind it, so a page can link it.
 */
export function narrateBridge(input: NarrateInput): AccountParagraph[] {
  const { bridge } = input;
  const money = (minor: bigint) => formatSpokenAmount(minor, input.decimals, bridge.currency);
  const figure = (minor: bigint, deals: readonly string[]): AccountFragment => ({
    text: money(minor),
    deals: unique(deals),
  });
  const paragraphs: AccountParagraph[] = [headline(input, money, figure)];
  const movements = describeMovements(input, money, figure);
  if (movements) paragraphs.push(movements);
  paragraphs.push(describeDrivers(input, money, figure));
  paragraphs.push(describeOutlook(input, money, figure));
  return paragraphs;
}

type Money = (minor: bigint) => string;
type Figure = (minor: bigint, deals: readonly string[]) => AccountFragment;

function headline(input: NarrateInput, money: Money, figure: Figure): AccountParagraph {
  const { bridge, callGap } = input;
  if (callGap) {
    const closedDeals = unique([
      ...bridge.dealIds.won,
      ...callGap.parts.flatMap((p) => (p.kind === 'commit-won-amount' ? p.deals.map((d) => d.id) : [])),
    ]);
    const verb = callGap.gapMinor >= 0n ? 'beat' : 'missed';
    const parts: AccountParagraph = [
      { text: `We ${verb} the call of ${money(callGap.calledMinor)} by ` },
      figure(
        abs(callGap.gapMinor),
        callGap.parts.flatMap((p) => p.deals.map((d) => d.id)),
      ),
      { text: `: ` },
      figure(callGap.closedMinor, closedDeals),
      {
        text: ` closed in ${bridge.period}, ${formatShare(callGap.closedMinor, callGap.calledMinor)} of the call.`,
      },
    ];
    const judgement = callGap.commitAtCallMinor - callGap.calledMinor;
    if (judgement !== 0n) {
      parts.push({
        text: ` The call was ${money(abs(judgement))} ${judgement > 0n ? 'below' : 'above'} the ${money(callGap.commitAtCallMinor)} of Commit and closed deals behind it at the time.`,
      });
    }
    return parts;
  }
  const change = bridge.endMinor - bridge.startMinor;
  return [
    { text: `The ${bridge.period} pipeline went from ` },
    figure(bridge.startMinor, bridge.dealIds.start),
    { text: ` open at the start to ` },
    figure(bridge.endMinor, [...bridge.dealIds.won, ...bridge.dealIds.open]),
    { text: ` at the end: ` },
    figure(bridge.wonMinor, bridge.dealIds.won),
    { text: ` won in ${countDeals(bridge.counts.won)} and ` },
    figure(bridge.openMinor, bridge.dealIds.open),
    {
      text: ` ${input.periodOver ? 'left open past the period' : 'still open'} in ${countDeals(bridge.counts.open)}. `,
    },
    {
      text:
        change === 0n
          ? 'The total did not change.'
          : `That is ${change > 0n ? 'a rise' : 'a fall'} of ${money(abs(change))}, ${formatShare(abs(change), bridge.startMinor)} of the start.`,
    },
  ];
}

function describeMovements(input: NarrateInput, money: Money, figure: Figure): AccountParagraph | null {
  const { bridge, callGap } = input;
  const items = callGap
    ? callGap.parts
        .filter((p) => p.amountMinor !== 0n && p.deals.length > 0)
        .map((p) => ({ label: callGapLabels[p.kind], amountMinor: p.amountMinor, deals: p.deals }))
    : bridge.steps
        .filter((s) => s.amountMinor !== 0n)
        .map((s) => ({ label: bridgeStepLabels[s.kind], amountMinor: s.amountMinor, deals: s.deals }));
  const biggest = items
    .sort((a, b) =>
      abs(b.amountMinor) > abs(a.amountMinor) ? 1 : abs(b.amountMinor) < abs(a.amountMinor) ? -1 : 0,
    )
    .slice(0, 3);
  if (biggest.length === 0) return null;
  const paragraph: AccountParagraph = [];
  biggest.forEach((item, index) => {
    const lead = index === 0 ? 'The biggest movement: ' : index === 1 ? ' Next: ' : ' Then: ';
    paragraph.push({ text: `${lead}${item.label.toLowerCase()}, ` });
    paragraph.push(
      figure(
        item.amountMinor,
        item.deals.map((d) => d.id),
      ),
    );
    paragraph.push({ text: ` across ${countDeals(unique(item.deals.map((d) => d.id)).length)}` });
    const top = item.deals.slice(0, 2);
    paragraph.push({ text: top.length > 0 ? ', led by ' : '' });
    top.forEach((deal, i) => {
      if (i > 0) paragraph.push({ text: ' and ' });
      paragraph.push({ text: `${deal.name} (${deal.owner ?? 'no owner'}, ` });
      paragraph.push(figure(deal.amountMinor, [deal.id]));
      paragraph.push({ text: ')' });
    });
    const concentration = describeConcentration(item.deals, money);
    paragraph.push({
      text: concentration ? `; ${concentration.text}.` : '.',
      ...(concentration ? { deals: concentration.deals } : {}),
    });
  });
  return paragraph;
}

/** "3 of them in East": when one team holds most of a movement, that is part of the story. */
function describeConcentration(
  deals: readonly BridgeDeal[],
  money: Money,
): { text: string; deals: string[] } | null {
  const distinct = unique(deals.map((d) => d.id));
  if (distinct.length < 2) return null;
  const byTeam = new Map<string, BridgeDeal[]>();
  for (const deal of deals) {
    if (!deal.team) continue;
    byTeam.set(deal.team, [...(byTeam.get(deal.team) ?? []), deal]);
  }
  const [team, inTeam] = [...byTeam.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!team || !inTeam) return null;
  const ids = unique(inTeam.map((d) => d.id));
  if (ids.length * 2 <= distinct.length) return null;
  const amount = inTeam.reduce((sum, d) => sum + d.amountMinor, 0n);
  return { text: `${ids.length} of them, ${money(amount)}, in ${team}`, deals: ids };
}

function describeDrivers(input: NarrateInput, money: Money, figure: Figure): AccountParagraph {
  const { bridge } = input;
  const sumOf = (kinds: readonly BridgeStepKind[]) => {
    const steps = bridge.steps.filter((s) => kinds.includes(s.kind));
    return {
      amount: steps.reduce((sum, s) => sum + s.amountMinor, 0n),
      deals: steps.flatMap((s) => s.deals.map((d) => d.id)),
    };
  };
  const gained = sumOf(gains);
  const dragged = sumOf(drags);
  const mainDrag = bridge.steps
    .filter((s) => drags.includes(s.kind) && s.amountMinor < 0n)
    .sort((a, b) => (a.amountMinor < b.amountMinor ? -1 : 1))[0];
  const mainGain = bridge.steps
    .filter((s) => gains.includes(s.kind) && s.amountMinor > 0n)
    .sort((a, b) => (a.amountMinor > b.amountMinor ? -1 : 1))[0];
  const paragraph: AccountParagraph = [
    { text: abs(dragged.amount) > gained.amount ? 'Losses outweighed gains: ' : 'Gains outweighed losses: ' },
    figure(abs(dragged.amount), dragged.deals),
    {
      text: ' went out of the period’s pipeline by slipping, losing, leaving the forecast or shrinking, while ',
    },
    figure(gained.amount, gained.deals),
    { text: ' came in as new, pulled-in, restored, reopened or larger deals.' },
  ];
  if (mainDrag) {
    paragraph.push({ text: ` The main drag was ${driverNames[mainDrag.kind] ?? mainDrag.kind} (` });
    paragraph.push(
      figure(
        abs(mainDrag.amountMinor),
        mainDrag.deals.map((d) => d.id),
      ),
    );
    paragraph.push({ text: ')' });
    paragraph.push({
      text: mainGain
        ? `; the main source of growth was ${driverNames[mainGain.kind] ?? mainGain.kind} (`
        : '.',
    });
    if (mainGain) {
      paragraph.push(
        figure(
          mainGain.amountMinor,
          mainGain.deals.map((d) => d.id),
        ),
      );
      paragraph.push({ text: ').' });
    }
  }
  if (bridge.startMinor > 0n) {
    paragraph.push({
      text: ` What was won equals ${formatShare(bridge.wonMinor, bridge.startMinor)} of the pipeline open at the start (`,
    });
    paragraph.push(figure(bridge.wonMinor, bridge.dealIds.won));
    paragraph.push({ text: ` of ${money(bridge.startMinor)}).` });
  }
  return paragraph;
}

function describeOutlook(input: NarrateInput, money: Money, figure: Figure): AccountParagraph {
  const { bridge, nextPeriod } = input;
  const step = (kind: BridgeStepKind) => bridge.steps.find((s) => s.kind === kind);
  const slipped = step('slipped');
  const lost = step('lost');
  const created = step('created');
  const leaked = abs((slipped?.amountMinor ?? 0n) + (lost?.amountMinor ?? 0n));
  const paragraph: AccountParagraph = [];
  const signals: string[] = [];
  const openDeals = Math.max(bridge.counts.open + bridge.counts.won, 1);
  paragraph.push({ text: 'Leading signals: ' });
  paragraph.push({
    text: `${bridge.pushes.count} close-date push${bridge.pushes.count === 1 ? '' : 'es'}`,
    deals: bridge.pushes.dealIds,
  });
  paragraph.push({ text: ` on ${countDeals(bridge.pushes.deals)} of the period` });
  if (bridge.pushes.deals * 4 > openDeals) signals.push('deals keep being pushed');
  paragraph.push({ text: '; ' });
  paragraph.push(figure(created?.amountMinor ?? 0n, created?.deals.map((d) => d.id) ?? []));
  paragraph.push({ text: ' of new pipeline against ' });
  paragraph.push(
    figure(
      leaked,
      [...(slipped?.deals ?? []), ...(lost?.deals ?? [])].map((d) => d.id),
    ),
  );
  paragraph.push({ text: ' slipped or lost' });
  if (leaked > (created?.amountMinor ?? 0n))
    signals.push('new pipeline does not replace what slips and is lost');
  if (nextPeriod) {
    paragraph.push({ text: `; ${nextPeriod.period} has ` });
    paragraph.push(figure(nextPeriod.openMinor, nextPeriod.dealIds));
    paragraph.push({
      text: ` open, ${formatShare(nextPeriod.openMinor, bridge.startMinor)} of what ${bridge.period} started with`,
    });
    if (nextPeriod.openMinor < bridge.startMinor)
      signals.push(`${nextPeriod.period} starts thinner than ${bridge.period} did`);
  }
  paragraph.push({ text: '. ' });
  const judged = nextPeriod ? 3 : 2;
  if (signals.length === 0) {
    paragraph.push({ text: `None of the ${judged} signals points to the pattern continuing.` });
  } else {
    const likely = signals.length * 2 > judged ? 'likely' : 'possible';
    paragraph.push({
      text: `${signals.length} of ${judged} signals point to the pattern continuing, so more of the same is ${likely}: ${joinWords(signals)}.`,
    });
  }
  if (!input.periodOver && bridge.openMinor > 0n) {
    paragraph.push({ text: ` ${money(bridge.openMinor)} is still open with the period under way.` });
  }
  return paragraph;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
