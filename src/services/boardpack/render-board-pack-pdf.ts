import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../../core/domain-error.js';

/** Where Debian and Ubuntu put Chromium; Candor never downloads a browser. */
const chromiumPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium to print with, or null when none is installed. */
export function findChromium(): string | null {
  return chromiumPaths.find((path) => existsSync(path)) ?? null;
}

/**
 * Prints the board pack's HTML to an A4 PDF with the system's Chromium (headless, no network:
 * the HTML is self-contained). Refuses clearly when Chromium is not installed.
 */
export async function renderBoardPackPdf(html: string): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new DomainError('unavailable', 'the PDF board pack needs Chromium, which is not installed here', [
      {
        reason: `looked for ${chromiumPaths.join(' and ')}; install it with \`apt-get install chromium\`, or take the HTML pack, which needs nothing`,
      },
    ]);
  }
  // Loaded on first use: the browser driver is a large module that every start of the server or
  // the CLI would otherwise parse (about a quarter of a second) for a feature most runs never use.
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'candor-pdf-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    offline: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#6b788a"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
