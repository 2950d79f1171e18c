// A small, dependency-free W3C WebDriver client over fetch, enough to drive the Ponte window
// through tauri-driver. Only the endpoints the end-to-end tests use are here.

export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** W3C special keys, for sendKeys. */
export const Keys = Object.freeze({
  Null: '\uE000',
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Backspace: '\uE003',
  ArrowDown: '\uE015',
  ArrowUp: '\uE013',
  Control: '\uE009',
});

export class WebDriverError extends Error {
  constructor(method, path, status, value) {
    const error = value && value.error ? value.error : `HTTP ${status}`;
    const message = value && value.message ? value.message : JSON.stringify(value);
    super(`WebDriver ${method} ${path} failed: ${error}: ${message}`);
    this.name = 'WebDriverError';
    this.error = error;
    this.status = status;
  }
}

async function request(base, method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json; charset=utf-8';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new WebDriverError(method, path, res.status, { error: 'bad response', message: text.slice(0, 500) });
  }
  if (!res.ok) throw new WebDriverError(method, path, res.status, json.value ?? json);
  return json.value;
}

/** One element found in the page. */
export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }
  #path(suffix = '') {
    return `/element/${this.id}${suffix}`;
  }
  click() {
    return this.session.cmd('POST', this.#path('/click'), {});
  }
  clear() {
    return this.session.cmd('POST', this.#path('/clear'), {});
  }
  /** Types text; special keys from `Keys` may be mixed in. */
  sendKeys(text) {
    return this.session.cmd('POST', this.#path('/value'), { text: String(text) });
  }
  /**
   * Empties a text field as a user does: select all (Ctrl+A), then Backspace. Unlike WebDriver's
   * own "clear", this fires input events, so inputs whose value a UI framework controls see it.
   */
  async clearByKeys() {
    await this.click();
    await this.sendKeys(Keys.Control + 'a' + Keys.Null + Keys.Backspace);
  }
  text() {
    return this.session.cmd('GET', this.#path('/text'));
  }
  attribute(name) {
    return this.session.cmd('GET', this.#path(`/attribute/${encodeURIComponent(name)}`));
  }
  property(name) {
    return this.session.cmd('GET', this.#path(`/property/${encodeURIComponent(name)}`));
  }
  tagName() {
    return this.session.cmd('GET', this.#path('/name'));
  }
  isDisplayed() {
    return this.session.cmd('GET', this.#path('/displayed'));
  }
  isSelected() {
    return this.session.cmd('GET', this.#path('/selected'));
  }
  async find(css) {
    const v = await this.session.cmd('POST', this.#path('/element'), { using: 'css selector', value: css });
    return new Element(this.session, v[ELEMENT_KEY]);
  }
  async findAll(css) {
    const v = await this.session.cmd('POST', this.#path('/elements'), { using: 'css selector', value: css });
    return v.map((e) => new Element(this.session, e[ELEMENT_KEY]));
  }
  /** The element as a script argument. */
  toJSON() {
    return { [ELEMENT_KEY]: this.id };
  }
}

/** One WebDriver session, i.e. one running app window. */
export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const value = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async delete() {
    await request(this.base, 'DELETE', `/session/${this.id}`);
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, v[ELEMENT_KEY]);
  }

  async findAll(css) {
    const v = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    return v.map((e) => new Element(this, e[ELEMENT_KEY]));
  }

  /** Finds by data-testid. */
  byTestId(id) {
    return this.find(`[data-testid="${id}"]`);
  }

  allByTestId(id) {
    return this.findAll(`[data-testid="${id}"]`);
  }

  /** The element that has the keyboard focus. */
  async activeElement() {
    const v = await this.cmd('GET', '/element/active');
    return new Element(this, v[ELEMENT_KEY]);
  }

  /**
   * Presses keys on whatever has the focus, as a user at the keyboard does (W3C key actions).
   * Unlike Element.sendKeys, nothing is focused first, so the focus moves only where the keys
   * take it (e.g. Tab through the parts of a date input). Special keys from `Keys` may be mixed
   * in; a modifier (Control, Shift, Alt, Meta) stays down until `Keys.Null` or the end.
   */
  async pressKeys(text) {
    const MODIFIERS = new Set(['\uE008', '\uE009', '\uE00A', '\uE03D']);
    const held = [];
    const actions = [];
    const releaseAll = () => {
      while (held.length) actions.push({ type: 'keyUp', value: held.pop() });
    };
    for (const key of Array.from(String(text))) {
      if (key === Keys.Null) {
        releaseAll();
      } else if (MODIFIERS.has(key)) {
        if (!held.includes(key)) {
          held.push(key);
          actions.push({ type: 'keyDown', value: key });
        }
      } else {
        actions.push({ type: 'keyDown', value: key }, { type: 'keyUp', value: key });
      }
    }
    releaseAll();
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /** Runs a synchronous script in the page; `args` may contain Elements. */
  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  url() {
    return this.cmd('GET', '/url');
  }

  title() {
    return this.cmd('GET', '/title');
  }

  /** PNG bytes of the window. */
  async screenshot() {
    const b64 = await this.cmd('GET', '/screenshot');
    return Buffer.from(b64, 'base64');
  }

  /** Text currently shown in the page body (what a user reads). */
  async screenText() {
    try {
      return await this.execute('return document.body ? document.body.innerText : "";');
    } catch (e) {
      return `<could not read the screen: ${e.message}>`;
    }
  }

  /** Text of an alert/confirm dialog if one is open, else null. */
  async alertText() {
    try {
      return await this.cmd('GET', '/alert/text');
    } catch (e) {
      if (e.error === 'no such alert') return null;
      throw e;
    }
  }

  /**
   * Polls `fn` until it returns a truthy value, which is returned. WebDriver errors such as
   * "no such element" count as "not yet". On timeout, throws an error naming `what`, the last
   * error seen and the text on the screen.
   */
  async waitFor(fn, { timeout = 10000, interval = 100, what = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let lastError = null;
    for (;;) {
      try {
        const v = await fn();
        if (v) return v;
        lastError = null;
      } catch (e) {
        lastError = e;
      }
      if (Date.now() > deadline) break;
      await sleep(interval);
    }
    const screen = (await this.screenText()).trim().replace(/\n{2,}/g, '\n');
    const hash = await this.url().catch(() => '?');
    throw new Error(
      `Timed out after ${timeout} ms waiting for ${what}` +
        (lastError ? `\nlast error: ${lastError.message}` : '') +
        `\nurl: ${hash}\n--- screen text ---\n${screen.slice(0, 3000)}\n-------------------`,
    );
  }

  /** Waits for an element matching css to exist (and be displayed) and returns it. */
  waitForElement(css, opts = {}) {
    return this.waitFor(
      async () => {
        const el = await this.find(css);
        return (await el.isDisplayed()) ? el : null;
      },
      { what: `element ${css}`, ...opts },
    );
  }

  waitForTestId(id, opts = {}) {
    return this.waitForElement(`[data-testid="${id}"]`, opts);
  }

  /** Waits until the element matching css shows text containing `expected` (string or RegExp). */
  waitForText(css, expected, opts = {}) {
    const test = typeof expected === 'string' ? (t) => t.includes(expected) : (t) => expected.test(t);
    return this.waitFor(
      async () => {
        const t = await (await this.find(css)).text();
        return test(t) ? t : null;
      },
      { what: `${css} to show ${expected}`, ...opts },
    );
  }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
