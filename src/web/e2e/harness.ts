import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { systemContext } from '../../server/http/system-actor.ts';
import { createOrganisation } from '../../server/modules/organisations/organisations.service.ts';
import { createUser } from '../../server/modules/users/users.service.ts';
import { ADMIN_ROLES } from '../../common/access/roles.ts';
import { launchChromium } from './browser.ts';
import { enrolTotpInBrowser, nextCode } from './totp-steps.ts';

/*
 * What the browser tests share: a real server on a fresh data directory (the programme and seed plans loaded as on
 * first start), Chromium with one page, and the waits and antd helpers the steps are written with.
 */

export interface E2eServer {
  server: RunningServer;
  dataDir: string;
  /** The first-start link's token, read from the console as an operator would. */
  setupToken: string;
  stop: () => Promise<void>;
}

async function startE2eServer(prefix: string): Promise<E2eServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // The embedded database starts as a copy of the run's migrated template (global-setup.ts), as the CLI tests' do:
  // migrating an empty one was 17-23 s of each journey's start at load 12. The server then starts as on a first
  // start (the programme and seed plans loaded, the setup link printed); from nothing is the lifecycle and backup
  // tests' to check.
  const template = process.env.DUIKOU_PGLITE_TEMPLATE;
  if (template) fs.cpSync(path.join(template, 'pglite'), path.join(dataDir, 'pglite'), { recursive: true });
  // The setup token exists only in the server's memory and on its console, as in production: read the link.
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  let server: RunningServer;
  try {
    server = await startServer(
      loadConfig({
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        PASSWORD_KDF_ITERATIONS: '1000',
        LOG_LEVEL: 'silent',
      }),
    );
  } finally {
    log.mockRestore();
  }
  const token = /\/setup\?token=([\w-]+)/.exec(printed.join('\n'))?.[1];
  if (!token) {
    await server.stop();
    throw new Error(`no setup link printed:\n${printed.join('\n')}`);
  }
  return {
    server,
    dataDir,
    setupToken: token,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A user of a browser test, with the organisation made for it. */
export interface E2eUser {
  username: string;
  displayName: string;
  /** The organisation's name; each user gets an organisation of its own. */
  org: string;
  region: string;
  /** The organisation's kind; a pairing office unless told otherwise. */
  kind?: string;
  /** The user's roles; the role named like the organisation's kind unless told otherwise. */
  roles?: string[];
}

/**
 * Organisations and users through the services, as the administrator would make them (the admin pages have their
 * own test). Answers each user's organisation id by username.
 */
export async function createUsers(
  server: RunningServer,
  users: readonly E2eUser[],
  password: string,
): Promise<Record<string, string>> {
  const ctx = systemContext(server.deps);
  const organisations: Record<string, string> = {};
  for (const u of users) {
    const kind = u.kind ?? 'pairing_office';
    const organisationId = await createOrganisation(ctx, { name: u.org, kind, regionCode: u.region });
    await createUser(ctx, {
      username: u.username,
      displayName: u.displayName,
      organisationId,
      roles: u.roles ?? [kind],
      password,
    });
    organisations[u.username] = organisationId;
  }
  return organisations;
}

interface E2eBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test ends by expecting none. */
  pageErrors: string[];
}

async function openBrowser(server: RunningServer, opts: { acceptDownloads?: boolean } = {}): Promise<E2eBrowser> {
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    // The programme's users are in China: the pages' own "today" and "this year" (a date picker's default, the
    // year filters) are then China's, as the server's and the journeys' (chinaToday) are. In the machine's zone
    // (UTC on CI) the browser's day is the one before from 16:00 to 24:00 UTC, and its year on 31 December.
    timezoneId: 'Asia/Shanghai',
    baseURL: server.url.replace('localhost', '127.0.0.1'),
    acceptDownloads: opts.acceptDownloads ?? false,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  return { browser, context, page, pageErrors };
}

/** A failed step leaves a screenshot behind (E2E_SCREENSHOTS, or the system's temp directory). */
function screenshotOnFailure(page: () => Page | undefined) {
  afterEach(async (ctx) => {
    const p = page();
    if (ctx.task.result?.state !== 'fail' || !p) return;
    const dir = process.env.E2E_SCREENSHOTS ?? os.tmpdir();
    const file = path.join(dir, `duikou-e2e-${ctx.task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60)}.png`);
    await p.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.warn(`screenshot of the failed step: ${file}`);
  });
}

/**
 * Scrolls down until `target` is in the page: sections below a page's first screen load only when they come near
 * the viewport (src/web/shared/WhenVisible.tsx), as they do for a user who scrolls.
 */
export async function scrollUntil(page: Page, target: Locator) {
  const placeholders = page.locator('[data-when-visible]');
  for (let step = 0; step < 30 && (await target.count()) === 0; step++) {
    // The next section still waiting to be seen is brought into view; it then loads in its place.
    if (await placeholders.count()) await placeholders.first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
  }
  await target.first().scrollIntoViewIfNeeded();
}

/**
 * The steps' vocabulary on one page: signing in and out, antd selects, and waits (playwright-core has no matchers).
 * The page is read when a step runs, so the helpers can be made before `beforeAll` opens it.
 */
function pageHelpers(current: () => Page) {
  /**
   * Signs in. The journeys were written for the dashboard at '/' as the first page, so by default the sign-in is
   * asked to return there (?from=/); `landing` signs in as a user does, onto the role's own first page (an office
   * or a unit: the workbench).
   */
  async function signIn(username: string, password: string, opts: { landing?: boolean } = {}) {
    await current().goto(opts.landing ? '/login' : '/login?from=%2F');
    await current().getByTestId('login-form').waitFor();
    await current().locator('#username').fill(username);
    await current().locator('#password').fill(password);
    await current().getByTestId('login-submit').click();
  }

  /** On a busy machine the dropdown can close before the click on its item lands, so the journey is retried. */
  async function signOut() {
    // The item of the menu being opened, not a closed copy antd keeps in the page or one still animating out.
    const item = () =>
      current()
        .locator('.ant-dropdown:not(.ant-dropdown-hidden):not([class*="-leave"]) [role="menuitem"]', {
          hasText: /退出登录|Sign out/,
        })
        .last();
    for (let attempt = 1; ; attempt++) {
      try {
        await current().getByTestId('user-menu').click({ timeout: 8_000 });
        await item().click({ timeout: 8_000 });
        await current().waitForURL('**/login', { timeout: 8_000 });
        return;
      } catch (err) {
        if (attempt === 4) throw err;
        await current().keyboard.press('Escape');
      }
    }
  }

  /**
   * A visible option of an open antd Select dropdown. Closed dropdowns stay in the page, visible while they animate
   * out (their class then names the leave motion), so those do not count; the click waits until the server's
   * search results are rendered in the dropdown being opened.
   */
  const optionOf = (text: string | RegExp) =>
    current()
      .locator(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"]) .ant-select-item-option:visible',
        { hasText: text },
      )
      .last();

  /** Clicks the option and answers whether the select then shows its text as chosen, within a few seconds. */
  const pickShown = async (select: Locator, option: string | RegExp) => {
    // No open list shows it (a click on the select landed while its list animated shut, and closed it): try again.
    const text = await optionOf(option)
      .innerText({ timeout: 5_000 })
      .then(
        (t) => t.trim(),
        () => null,
      );
    if (text === null) return false;
    // A click that cannot land (the list re-rendered or closed under it) gives up early, so the pick is tried again.
    if (
      !(await optionOf(option)
        .click({ timeout: 5_000 })
        .then(
          () => true,
          () => false,
        ))
    )
      return false;
    return expect
      .poll(() => select.innerText(), { timeout: 3_000 })
      .toContain(text)
      .then(
        () => true,
        () => false,
      );
  };

  /**
   * Types into an antd Select that searches the server, then picks the option containing `option`. The results
   * can re-render under the click (the search answers while it lands); the pick is retried until the select
   * shows the option.
   */
  async function choose(select: Locator, search: string, option: string | RegExp) {
    for (let attempt = 1; ; attempt++) {
      await select.click();
      await current().keyboard.type(search);
      const shown = await pickShown(select, option);
      await current().keyboard.press('Escape');
      if (shown) return;
      if (attempt === 3) throw new Error(`the select does not show ${String(option)} after 3 picks`);
    }
  }

  /**
   * Picks an option of an antd Select by its text. A click can land while a dropdown (or the modal holding the
   * select) still animates and pick nothing; the pick is retried until the select shows the option.
   */
  async function pick(select: Locator, option: string | RegExp) {
    for (let attempt = 1; ; attempt++) {
      if (!(await optionOf(option).isVisible())) await select.click();
      // An option already chosen (a default such as 全年) is left as it is: clicking it only closes the dropdown.
      const chosen = await optionOf(option)
        .getAttribute('class', { timeout: 5_000 })
        .then(
          (c) => c?.includes('-option-selected') ?? false,
          () => false,
        );
      if (chosen) {
        await current().keyboard.press('Escape');
        return;
      }
      if (await pickShown(select, option)) return;
      if (attempt === 3) throw new Error(`the select does not show ${String(option)} after 3 picks`);
    }
  }

  // playwright-core has no test matchers: wait with its locators, poll with vitest.
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });
  const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible' });
  const hidden = (locator: Locator) => locator.waitFor({ state: 'hidden' });
  const containsText = (locator: Locator, text: string) => poll(() => locator.first().innerText()).toContain(text);
  const hasText = (locator: Locator, text: string) =>
    poll(async () => (await locator.first().innerText()).trim()).toBe(text);
  const hasCount = (locator: Locator, count: number) => poll(() => locator.count()).toBe(count);
  const hasAttribute = (locator: Locator, name: string, value: string) =>
    poll(() => locator.getAttribute(name)).toBe(value);

  /** The error text antd shows under a form field, found by the field's label. */
  const fieldError = (label: string | RegExp) =>
    current()
      .locator('.ant-form-item', { has: current().locator('label', { hasText: label }) })
      .locator('.ant-form-item-explain-error');

  return {
    signIn,
    signOut,
    optionOf,
    choose,
    pick,
    poll,
    visible,
    hidden,
    containsText,
    hasText,
    hasCount,
    hasAttribute,
    fieldError,
  };
}

/**
 * The frame of a browser journey, the same in every file: inside a `describe`, a fresh server with the journey's
 * `users` (all with `password`) and `setup` run on it before the browser opens (data; it gets each user's
 * organisation id by username, and the server's first-start token), Chromium with one page, a screenshot and the
 * page's errors when a step fails, and both closed at the end. Answers the page helpers, `openAs` (a user signs in
 * and opens a page, as a step usually starts) and the server, browser, context and page of the steps under way.
 */
export function journey(
  prefix: string,
  opts: {
    users?: readonly E2eUser[];
    password?: string;
    acceptDownloads?: boolean;
    setup?: (server: RunningServer, organisations: Record<string, string>, e2e: E2eServer) => Promise<void>;
  } = {},
) {
  let e2e: E2eServer | undefined;
  let opened: E2eBrowser | undefined;
  beforeAll(async () => {
    e2e = await startE2eServer(prefix);
    const organisations = opts.users?.length ? await createUsers(e2e.server, opts.users, opts.password!) : {};
    await opts.setup?.(e2e.server, organisations, e2e);
    opened = await openBrowser(e2e.server, { acceptDownloads: opts.acceptDownloads });
  }, 120_000);
  screenshotOnFailure(() => opened?.page);
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' && opened?.pageErrors.length)
      console.warn(`errors in the page:\n${opened.pageErrors.join('\n')}`);
  });
  afterAll(async () => {
    await opened?.browser.close();
    await e2e?.stop();
  });
  const helpers = pageHelpers(() => opened!.page);
  // A 三员 account signs in with a second factor: it sets up the authenticator at its first sign-in, as the server
  // holds it there, and types the code the phone shows at the next ones.
  const adminRoles: readonly string[] = ADMIN_ROLES;
  const withSecondFactor = (username: string) =>
    opts.users?.some((u) => u.username === username && u.roles?.some((r) => adminRoles.includes(r))) ?? false;
  const enrolled = new Set<string>();
  async function passSecondFactor(username: string) {
    const page = opened!.page;
    if (!enrolled.has(username)) {
      await enrolTotpInBrowser(page, username, opts.password!);
      enrolled.add(username);
      return;
    }
    await page.getByTestId('login-totp').fill(await nextCode(username));
    await page.getByTestId('login-submit').click();
  }
  /**
   * Signs `username` in (the journey's password, and the second factor of a 三员 account) onto the dashboard — or,
   * with `landing`, onto the user's own first page — then opens `path` when one is given.
   */
  async function openAs(username: string, path?: string, o: { landing?: boolean } = {}) {
    await helpers.signIn(username, opts.password!, o);
    const secondFactor = withSecondFactor(username);
    if (secondFactor) await passSecondFactor(username);
    // Signed in once the app has left the sign-in page (going elsewhere earlier would cut the sign-in short). The
    // dashboard is where the others' sign-in returns to; a 三员 account's and a landing user's first page is its own.
    await opened!.page.waitForURL((url) =>
      secondFactor || o.landing ? !url.pathname.startsWith('/login') : url.pathname === '/',
    );
    if (path) await opened!.page.goto(path);
  }
  return {
    ...helpers,
    openAs,
    get page() {
      return opened!.page;
    },
    get browser() {
      return opened!.browser;
    },
    get context() {
      return opened!.context;
    },
    get server() {
      return e2e!.server;
    },
    /** The data directory and the first-start token of the journey's server. */
    get e2e() {
      return e2e!;
    },
    get pageErrors() {
      return opened!.pageErrors;
    },
  };
}
