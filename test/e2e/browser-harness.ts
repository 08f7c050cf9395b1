import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server/main.js';

/**
 * What every browser test needs: Debian's Chromium (never a downloaded browser), a fresh build of
 * the web app, and the real server on a free port over a fresh embedded database, so the demo
 * organisation is created exactly as on a first `npm start`.
 */
const projectRoot = join(import.meta.dirname, '..', '..');
export const screenshotDir = join(projectRoot, 'test-output', 'screenshots');

/** The Chromium to drive: CHROMIUM_PATH, else `chromium` on the PATH; null when there is none. */
export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not installed under this name
    }
  }
  return null;
}

export const chromiumPath = findChromium();
export const noChromiumMessage =
  'browser tests skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)';
if (chromiumPath === null) console.warn(noChromiumMessage);

/** Builds dist/web when it is missing or older than src/web (a lock makes parallel files wait). */
export function buildWebApp(): void {
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'scripts', 'build-web-if-stale.mjs'), '--quiet'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`building the web app failed:\n${result.stderr}`);
}

export type DemoServer = RunningServer & {
  /** The demo's sign-ins by role: admin, executive, manager, rep. */
  emailOf: (role: string) => string;
  nameOf: (role: string) => string;
};

export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'candor-e2e-'));
  const config = loadConfig({ CANDOR_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const server = await startServer({ config, clock: () => new Date(), host: '127.0.0.1', port: 0 });
  const signIns = server.demoCreated?.signIns ?? [];
  const personOf = (role: string) => {
    const person = signIns.find((p) => p.role === role);
    if (!person) throw new Error(`the demo has no ${role} sign-in`);
    return person;
  };
  return {
    ...server,
    emailOf: (role) => personOf(role).email,
    nameOf: (role) => personOf(role).name,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Browser = {
  context: BrowserContext;
  close: () => Promise<void>;
};

/** A headless Chromium with its own fresh profile (launch() refuses --user-data-dir; this does not). */
export async function openBrowser(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'candor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type PageWatch = {
  /** Console errors and uncaught exceptions (a missing favicon is not one). */
  errors: { text: string; url: string }[];
  /** Requests to anywhere but the server: the app must load nothing from elsewhere. */
  offOrigin: string[];
  /**
   * The errors left once the expected failed requests are set aside: the browser logs every 4xx
   * answer as a console error, including the ones the app asks for on purpose (401 from
   * /api/session while signed out, a 422 a test provokes).
   */
  unexpected: (allowed: { status: number; path: string }[]) => string[];
  reset: () => void;
};

export function watchPage(page: Page, origin: string): PageWatch {
  const errors: PageWatch['errors'] = [];
  const offOrigin: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location().url;
    if (/favicon/i.test(text) || /favicon/i.test(url)) return;
    errors.push({ text, url });
  });
  page.on('pageerror', (error) => errors.push({ text: `uncaught: ${error.message}`, url: '' }));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offOrigin.push(url);
  });
  return {
    errors,
    offOrigin,
    unexpected: (allowed) =>
      errors
        .filter(({ text, url }) => {
          const status = /status of (\d{3})/.exec(text)?.[1];
          const path = url.startsWith(origin) ? new URL(url).pathname : null;
          return !allowed.some((a) => String(a.status) === status && a.path === path);
        })
        .map(({ text, url }) => `${text} (${url})`),
    reset: () => {
      errors.length = 0;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Signs in through the sign-in page, as a person would, and waits for the pipeline. */
export async function signIn(
  page: Page,
  baseUrl: string,
  email: string,
  password = 'candor-demo',
): Promise<void> {
  await page.goto(new URL('/sign-in', baseUrl).toString());
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: /^Pipeline / }).waitFor();
}

export type DemoBrowser = { server: DemoServer; browser: Browser; page: Page; watch: PageWatch };

/**
 * The set-up every browser test of the demo shares, registered as the file's first hooks: a fresh
 * build of the web app, the demo server, Chromium with one page, and that page's watch; all closed
 * after the file's tests. The fields are filled in before the file's own `beforeAll` hooks run.
 */
export function useDemoBrowser(): DemoBrowser {
  const harness: Partial<DemoBrowser> = {};
  beforeAll(async () => {
    buildWebApp();
    const server = await startDemoServer();
    harness.server = server;
    const browser = await openBrowser(chromiumPath ?? '');
    harness.browser = browser;
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    harness.page = page;
    harness.watch = watchPage(page, server.url.replace(/\/$/, ''));
    // Building the web app and generating the demo organisation take minutes on a busy machine.
  }, 600_000);
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness as DemoBrowser;
}
