import type { BoardPackData, PackSection } from './board-pack-data.js';
import { boardPackStyles } from './board-pack-styles.js';
import { escapeHtml as e, formatPackMoney, formatPackShare } from './escape-html.js';

/**
 * The board pack as one self-contained HTML document (inline styles and SVG, no fonts, scripts or
 * images from anywhere): number against target, calls against actual and Candor's forecast,
 * accuracy history, the bridge, team scorecards, hygiene, top risks, and the ledger chain head it
 * was built from. Sections whose capability has no data say so plainly.
 */
export function renderBoardPackHtml(pack: BoardPackData): string {
  const money = (amount: string | null) => e(formatPackMoney(amount, pack.currency));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`Board pack ${pack.period} — ${pack.organisation}`)}</title>
<style>${boardPackStyles}</style>
</head>
<body>
<main>
<header class="cover">
<h1>Board pack · ${e(pack.period)}</h1>
<p>${e(pack.organisation)}${pack.isDemo ? '<span class="demo">demo data</span>' : ''}</p>
<p>${e(`From ${pack.from.slice(0, 10)} to ${pack.to.slice(0, 10)} · ${pack.scope} · amounts in ${pack.currency} · built ${pack.builtAt.replace('T', ' ').slice(0, 16)} UTC`)}</p>
</header>
${numberSection(pack, money)}
${callsSection(pack, money)}
${accuracySection(pack, money)}
${bridgeSection(pack, money)}
${scorecardSection(pack, money)}
${hygieneSection(pack, money)}
${risksSection(pack, money)}
<footer>
<p>Built from the ledger at chain length <strong data-chain-length="${e(pack.ledger.length)}">${e(pack.ledger.length)}</strong>, head hash <code data-chain-head="${e(pack.ledger.head)}">${e(pack.ledger.head)}</code>.</p>
<p>Anyone can check that the ledger this pack was built from is intact with <code>candor verify</code>: the chain must still contain event ${e(pack.ledger.length)} with this hash.</p>
</footer>
</main>
</body>
</html>
`;
}

type Money = (amount: string | null) => string;

function absent(title: string, section: PackSection<unknown>): string | null {
  return section.status === 'absent'
    ? `<section><h2>${e(title)}</h2><p class="absent">${e(section.reason)}</p></section>`
    : null;
}

function numberSection(pack: BoardPackData, money: Money): string {
  const section = pack.number;
  const missing = absent('The number', section);
  if (missing || section.status !== 'ok') return missing ?? '';
  const { won, target, open, wonDeals, targetSource } = section.data;
  const attainment = target && Number(target) > 0 ? Number(won) / Number(target) : null;
  const gap = target === null ? null : subtract(won, target);
  return `<section><h2>The number</h2>
<div class="figures">
<div class="figure ${attainment !== null && attainment >= 1 ? 'good' : 'bad'}"><span class="label">Won</span><span class="value">${money(won)}</span><span class="muted">${wonDeals} deals</span></div>
<div class="figure"><span class="label">Target</span><span class="value">${target === null ? '—' : money(target)}</span><span class="muted">${e(targetSource)}</span></div>
<div class="figure"><span class="label">Attainment</span><span class="value">${formatPackShare(attainment)}</span><span class="muted">${gap === null ? 'no target' : `${gap.startsWith('-') ? 'short by' : 'ahead by'} ${money(gap.replace('-', ''))}`}</span></div>
<div class="figure"><span class="label">Still open</span><span class="value">${money(open)}</span><span class="muted">closing in ${e(pack.period)}</span></div>
</div></section>`;
}

function callsSection(pack: BoardPackData, money: Money): string {
  const section = pack.calls;
  const missing = absent('Weekly calls against actual', section);
  if (missing || section.status !== 'ok') return missing ?? '';
  const { caller, actual, weeks, periodClosed } = section.data;
  const rows = weeks
    .map(
      (w) =>
        `<tr><td>Week ${w.week}</td><td>${e(w.dueAt.slice(0, 10))}</td><td class="num">${w.commit === null ? '<span class="muted">no call</span>' : money(w.commit)}</td><td class="num">${w.bestCase === null ? '—' : money(w.bestCase)}</td><td class="num">${w.forecast === null ? '—' : money(w.forecast)}</td><td class="num">${w.commit === null ? '—' : money(subtract(w.commit, actual))}</td></tr>`,
    )
    .join('\n');
  const noForecast = weeks.every((w) => w.forecast === null)
    ? ` Candor recorded no forecast of its own for ${pack.period}.`
    : '';
  return `<section class="breakable"><h2>Weekly calls against actual</h2>
<p>${e(`${caller}'s commit call each week, Candor's forecast recorded that week, and what ${periodClosed ? 'closed' : 'has closed so far'}: ${formatPackMoney(actual, pack.currency)}.${noForecast}`)}</p>
<table><thead><tr><th>Week</th><th>Due</th><th class="num">Commit call</th><th class="num">Best case</th><th class="num">Candor's forecast</th><th class="num">Call − actual</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function accuracySection(pack: BoardPackData, money: Money): string {
  const section = pack.accuracy;
  const missing = absent('Forecast accuracy history', section);
  if (missing || section.status !== 'ok') return missing ?? '';
  const rows = section.data.periods
    .map(
      (p) =>
        `<tr><td>${e(p.period)}</td><td class="num">${p.lastCall === null ? '—' : money(p.lastCall)}</td><td class="num">${money(p.actual)}</td><td class="num">${p.lastCall === null || Number(p.actual) === 0 ? '—' : formatPackShare(1 - Math.abs(Number(p.actual) - Number(p.lastCall)) / Number(p.actual))}</td><td class="num">${p.bias === null ? '—' : `${p.bias > 0 ? '+' : ''}${Math.round(p.bias * 100)}%`}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>Forecast accuracy history</h2>
<p>${e(`${section.data.caller}'s last call of each closed quarter against what closed (accuracy = 1 − |actual − call| / actual; bias above zero means over-calling).`)}</p>
<table><thead><tr><th>Period</th><th class="num">Last call</th><th class="num">Closed</th><th class="num">Accuracy</th><th class="num">Bias</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function bridgeSection(pack: BoardPackData, money: Money): string {
  const { bridge } = pack;
  const steps = bridge.steps
    .filter((s) => s.moves > 0)
    .map((s) => {
      const sign = Number(s.amount) > 0 ? 'rise' : Number(s.amount) < 0 ? 'fall' : '';
      const top = s.top
        .map(
          (d) => `${e(d.name)} <span class="muted">(${e(d.owner ?? 'no owner')}, ${money(d.amount)})</span>`,
        )
        .join('; ');
      return `<tr><td>${e(s.label)}</td><td class="num ${sign}">${money(s.amount)}</td><td class="num">${s.moves}</td><td>${top}</td></tr>`;
    })
    .join('\n');
  return `<section class="breakable"><h2>Why the number moved: the bridge</h2>
<div class="chart">${bridge.waterfallSvg}</div>
<div class="account">${bridge.account.map((p) => `<p>${e(p)}</p>`).join('\n')}</div>
<table><thead><tr><th>Step</th><th class="num">Amount</th><th class="num">Moves</th><th>Largest deals</th></tr></thead>
<tbody><tr class="total"><td>Open pipeline at the start</td><td class="num">${money(bridge.start)}</td><td></td><td></td></tr>
${steps}
<tr class="total"><td>End: won ${money(bridge.won)} + open ${money(bridge.open)}</td><td class="num">${money(bridge.end)}</td><td></td><td></td></tr></tbody></table></section>`;
}

function scorecardSection(pack: BoardPackData, money: Money): string {
  const section = pack.scorecards;
  const missing = absent('Team scorecards', section);
  if (missing || section.status !== 'ok') return missing ?? '';
  const rows = section.data.teams
    .map(
      (t) =>
        `<tr><td>${e(t.name)}</td><td class="num">${t.quota === null ? '—' : money(t.quota)}</td><td class="num">${money(t.bookings)}</td><td class="num">${formatPackShare(t.attainment)}</td><td class="status-${e(t.status)}">${e(t.status.replace(/-/g, ' '))}</td><td>${e(t.offTrack.join(', ') || '—')}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>Team scorecards</h2>
<table><thead><tr><th>Team</th><th class="num">Quota</th><th class="num">Bookings</th><th class="num">Attainment</th><th>Status</th><th>Indicators off track</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function hygieneSection(pack: BoardPackData, money: Money): string {
  const section = pack.hygiene;
  const missing = absent('Pipeline hygiene', section);
  if (missing || section.status !== 'ok') return missing ?? '';
  const h = section.data;
  const rules = h.byRule
    .map(
      (r) =>
        `<tr><td>${e(r.rule)}</td><td class="num">${r.deals}</td><td class="num">${money(r.amount)}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>Pipeline hygiene</h2>
<p>${e(`Hygiene score ${h.score === null ? 'n/a' : `${Math.round(h.score)}`}: ${h.flaggedDeals} of ${h.openDeals} open deals carry a flag, worth ${formatPackMoney(h.flaggedValue, pack.currency)}. The hygiene-adjusted pipeline differs from the reported one by ${formatPackMoney(h.adjustedDifference, pack.currency)}.`)}</p>
${rules ? `<table><thead><tr><th>Rule</th><th class="num">Deals</th><th class="num">Amount</th></tr></thead><tbody>${rules}</tbody></table>` : ''}</section>`;
}

function risksSection(pack: BoardPackData, money: Money): string {
  if (pack.risks.length === 0) {
    return `<section><h2>Top risks</h2><p class="absent">No open Commit deal closing in ${e(pack.period)} has had its close date pushed.</p></section>`;
  }
  const rows = pack.risks
    .map(
      (r) =>
        `<tr><td>${e(r.name)}</td><td>${e(r.owner ?? '—')}</td><td>${e(r.stage)}</td><td>${e(r.closeDate ?? '—')}</td><td class="num">${r.pushes}</td><td class="num">${money(r.amount)}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>Top risks</h2>
<p>The largest open Commit deals closing in ${e(pack.period)} whose close date has already been pushed.</p>
<table><thead><tr><th>Deal</th><th>Owner</th><th>Stage</th><th>Close</th><th class="num">Pushes</th><th class="num">Amount</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** a − b on decimal strings with the same number of places, exactly. */
function subtract(a: string, b: string): string {
  const places = Math.max((a.split('.')[1] ?? '').length, (b.split('.')[1] ?? '').length);
  const scaled = (x: string) => {
    const [w = '0', f = ''] = x.replace('-', '').split('.');
    const v = BigInt(w + f.padEnd(places, '0'));
    return x.startsWith('-') ? -v : v;
  };
  const d = scaled(a) - scaled(b);
  const neg = d < 0n;
  const digits = (neg ? -d : d).toString().padStart(places + 1, '0');
  const text = places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return `${neg ? '-' : ''}${text}`;
}
