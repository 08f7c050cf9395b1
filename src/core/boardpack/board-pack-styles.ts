/** The pack's stylesheet, inline so the file needs nothing else: system fonts only, A4 pages. */
export const boardPackStyles = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { font-family: Helvetica, Arial, 'Liberation Sans', sans-serif; color: #1c2a3a; font-size: 10.5pt; line-height: 1.45; margin: 0; background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
header.cover { border-bottom: 3px solid #132a4a; padding-bottom: 6mm; margin-bottom: 6mm; }
header.cover h1 { font-size: 22pt; margin: 0 0 2mm; color: #132a4a; }
header.cover p { margin: 0; color: #4a5a6e; }
.demo { display: inline-block; background: #fdf4de; color: #7a5500; border: 1px solid #e0a526; border-radius: 3px; padding: 0 6px; font-size: 9pt; margin-left: 6px; }
section { margin: 0 0 7mm; break-inside: avoid; }
section.breakable { break-inside: auto; }
h2 { font-size: 13pt; color: #132a4a; border-bottom: 1px solid #dde3ea; padding-bottom: 1.5mm; margin: 0 0 3mm; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin-bottom: 3mm; }
.figure { border: 1px solid #dde3ea; border-top: 3px solid #1c3a62; border-radius: 4px; padding: 2.5mm 3mm; }
.figure .label { display: block; font-size: 8.5pt; color: #6b788a; text-transform: uppercase; letter-spacing: .03em; }
.figure .value { display: block; font-size: 13pt; font-weight: 700; font-variant-numeric: tabular-nums; }
.figure.good { border-top-color: #2f8f5b; } .figure.bad { border-top-color: #c23934; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
th, td { text-align: left; padding: 1.4mm 2mm; border-bottom: 1px solid #edf0f4; vertical-align: top; }
thead th { font-size: 8.5pt; color: #6b788a; text-transform: uppercase; letter-spacing: .03em; border-bottom: 1px solid #c7d0db; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td, tr.total th { font-weight: 700; background: #f6f8fb; }
.rise { color: #1d5c3a; } .fall { color: #c23934; }
.muted { color: #6b788a; }
.absent { color: #4a5a6e; background: #f6f8fb; border-left: 3px solid #c7d0db; padding: 2mm 3mm; margin: 0; }
.account p { margin: 0 0 2.5mm; }
.chart svg { width: 100%; height: auto; display: block; }
.status-on-track { color: #1d5c3a; } .status-at-risk { color: #9a6b00; } .status-off-track { color: #c23934; }
footer { margin-top: 8mm; padding-top: 3mm; border-top: 1px solid #c7d0db; font-size: 8.5pt; color: #4a5a6e; }
footer code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 8pt; word-break: break-all; color: #1c2a3a; }
`;
