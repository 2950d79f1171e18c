// Starts the real Ponte window through tauri-driver (4444) -> WebKitWebDriver (4445), each test
// with its own temporary workspace, and stops everything cleanly afterwards.
//
// Needs: a display (DISPLAY, e.g. a private Xvfb started by scripts/test.sh), `tauri-driver` on
// PATH (or in ~/.cargo/bin), WebKitWebDriver, and the debug binary target/debug/ponte-desktop
// (override with PONTE_APP).

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, existsSync, readdirSync, readlinkSync, readFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { Session, sleep } from './webdriver.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const ARTIFACTS = join(HERE, 'artifacts');
export const APP = resolve(process.env.PONTE_APP || join(REPO_ROOT, 'target', 'debug', 'ponte-desktop'));

// PONTE_E2E_PORT moves both ports, so two runs on one machine do not talk to each other's app.
const DRIVER_PORT = Number(process.env.PONTE_E2E_PORT || 4444);
const NATIVE_PORT = DRIVER_PORT + 1;
const HOST = '127.0.0.1';

function portOpen(port) {
  return new Promise((res) => {
    const sock = net.connect({ host: HOST, port });
    sock.once('connect', () => {
      sock.destroy();
      res(true);
    });
    sock.once('error', () => res(false));
    sock.setTimeout(1000, () => {
      sock.destroy();
      res(false);
    });
  });
}

async function waitPorts(ports, open, timeout, what) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const states = await Promise.all(ports.map(portOpen));
    if (states.every((s) => s === open)) return;
    if (Date.now() > deadline) {
      const detail = ports.map((p, i) => `${p}: ${states[i] ? 'in use' : 'free'}`).join(', ');
      throw new Error(`${what} (after ${timeout} ms; ports ${detail})`);
    }
    await sleep(100);
  }
}

function findDriver() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  for (const dir of (process.env.PATH || '').split(':')) {
    if (dir && existsSync(join(dir, 'tauri-driver'))) return join(dir, 'tauri-driver');
  }
  const cargoBin = join(homedir(), '.cargo', 'bin', 'tauri-driver');
  if (existsSync(cargoBin)) return cargoBin;
  throw new Error('tauri-driver not found: install it with `cargo install --locked tauri-driver --version ^2`');
}

/**
 * The running processes for which `keep(pid, exe)` holds, as `{ pid, exe }`. One that ends or
 * cannot be read meanwhile is left out.
 */
function processes(keep) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const exe = readlinkSync(`/proc/${entry}/exe`);
      if (keep(entry, exe)) found.push({ pid: Number(entry), exe });
    } catch {
      // gone or not ours to read
    }
  }
  return found;
}

/**
 * App processes started for this workspace (matched by binary and PONTE_DB), and with
 * `withWebKit` its WebKit processes too. Not the session bus and accessibility daemons the first
 * app on a display may start: they carry its environment but serve every later app there.
 */
function appProcesses(db, { withWebKit = false } = {}) {
  return processes((pid, exe) => {
    // A binary rebuilt while the app runs shows as "<path> (deleted)": still our app.
    const app = exe === APP || exe === `${APP} (deleted)`;
    if (!app && !(withWebKit && exe.includes('/WebKit'))) return false;
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`PONTE_DB=${db}`);
  });
}

function appPids(db, options) {
  return appProcesses(db, options).map((p) => p.pid);
}

/** PIDs of WebKit web processes whose parent is one of `parents`. */
function webPids(parents) {
  return processes((pid, exe) => {
    if (!exe.includes('WebKitWebProcess')) return false;
    // Field 4 of stat is the parent's PID (the name in field 2 is in parentheses and may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return parents.includes(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }).map((p) => p.pid);
}

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'test';
}

export class App {
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'ponte-e2e-'));
    this.home = join(this.dir, 'home');
    mkdirSync(this.home, { recursive: true });
    this.db = join(this.dir, 'workspace.ponte');
    this.driver = null;
    this.driverLog = '';
    this.session = null;
  }

  /** Starts tauri-driver and opens the app window. */
  async start() {
    if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
      throw new Error('no DISPLAY: run the end-to-end tests through scripts/test.sh (it starts Xvfb)');
    }
    if (!existsSync(APP)) {
      throw new Error(`app binary missing: ${APP} (build it with: cargo build -p ponte-desktop)`);
    }
    await waitPorts(
      [DRIVER_PORT, NATIVE_PORT],
      false,
      15000,
      `ports ${DRIVER_PORT}/${NATIVE_PORT} are still in use: another tauri-driver or a stale WebKitWebDriver is running`,
    );
    const env = {
      ...process.env,
      PONTE_DB: this.db,
      XDG_DATA_HOME: this.dir,
      HOME: this.home,
    };
    this.driver = spawn(findDriver(), ['--port', String(DRIVER_PORT), '--native-port', String(NATIVE_PORT)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      this.driverLog = (this.driverLog + chunk.toString()).slice(-20000);
    };
    this.driver.stdout.on('data', keep);
    this.driver.stderr.on('data', keep);
    this.driverExited = new Promise((res) => this.driver.once('exit', (code, signal) => res({ code, signal })));
    try {
      await waitPorts([DRIVER_PORT, NATIVE_PORT], true, 20000, 'tauri-driver did not start listening');
    } catch (e) {
      throw new Error(`${e.message}\n--- tauri-driver output ---\n${this.driverLog}`);
    }
    await this.open();
    return this;
  }

  /**
   * Creates a WebDriver session, i.e. launches the app, and waits for the first screen (the
   * element with test id `first`: a page title, or the unlock screen of an encrypted workspace).
   */
  async open(first = 'page-title') {
    this.session = await Session.create(`http://${HOST}:${DRIVER_PORT}`, {
      browserName: 'wry',
      'tauri:options': { application: APP },
    });
    await this.session.waitForTestId(first, { timeout: 20000 });
    this.webProcesses = webPids(appPids(this.db));
    return this.session;
  }

  /**
   * True when a WebKit web process of the open window has died while the app lives on: the page
   * is gone (WebDriver calls then fail with odd errors), and the app was not asked to close.
   * Seen under Xvfb as a segfault in Mesa's software rasterizer (swrast_dri.so), in WebKit's
   * compositor thread: outside Ponte.
   */
  webProcessDied() {
    const alive = new Set(webPids(appPids(this.db)));
    return (this.webProcesses ?? []).some((pid) => !alive.has(pid)) && appPids(this.db).length > 0;
  }

  /** Closes the app window (the app exits) and waits for the process to be gone. */
  async close() {
    if (!this.session) return;
    const s = this.session;
    this.session = null;
    try {
      await s.delete();
    } catch {
      // already gone
    }
    const deadline = Date.now() + 15000;
    while (appPids(this.db).length > 0) {
      if (Date.now() > deadline) {
        throw new Error(`the app did not exit after its session was deleted (pids ${appPids(this.db).join(', ')})`);
      }
      await sleep(100);
    }
  }

  /** "Restarting the app": close the window, then open a new one on the same workspace. */
  async restart(first = 'page-title') {
    await this.close();
    return this.open(first);
  }

  /** Saves a PNG of the window (or, failing that, of the whole display). Returns its path. */
  async screenshot(path) {
    mkdirSync(dirname(path), { recursive: true });
    if (this.session) {
      try {
        writeFileSync(path, await this.session.screenshot());
        return path;
      } catch {
        // fall back to the X display
      }
    }
    execFileSync('import', ['-window', 'root', path], { stdio: 'ignore', timeout: 15000 });
    return path;
  }

  /** Closes the app, stops tauri-driver with SIGTERM and waits until both ports are free. */
  async stop() {
    let error = null;
    try {
      await this.close();
    } catch (e) {
      error = e;
    }
    if (this.driver && this.driver.exitCode === null && this.driver.signalCode === null) {
      this.driver.kill('SIGTERM');
      let timer;
      const timeout = new Promise((res) => {
        timer = setTimeout(() => res('timeout'), 15000);
      });
      const outcome = await Promise.race([this.driverExited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        error ??= new Error('tauri-driver did not exit within 15 s of SIGTERM');
      }
    }
    // An app that outlived its driver inherited the driver's output pipes; closing our ends lets
    // this process exit instead of waiting for them for ever.
    this.driver?.stdout?.destroy();
    this.driver?.stderr?.destroy();
    this.driver = null;
    try {
      await waitPorts([DRIVER_PORT, NATIVE_PORT], false, 15000, `ports ${DRIVER_PORT}/${NATIVE_PORT} still in use after tauri-driver stopped`);
    } catch (e) {
      error ??= e;
    }
    // WebKit's web and network processes inherit the app's environment and may still be flushing
    // their caches into this.dir for a moment after the app itself is gone; removing the folder
    // under them fails with ENOTEMPTY, so wait for them as well as for the app.
    const deadline = Date.now() + 15000;
    while (appPids(this.db, { withWebKit: true }).length > 0 && Date.now() < deadline) {
      await sleep(100);
    }
    // Still there (the window could not be closed, e.g. its page had died): end them, so the
    // next test gets a clean machine, and say so.
    const left = appProcesses(this.db, { withWebKit: true });
    if (left.length > 0) {
      for (const { pid } of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
      error ??= new Error(`the app's processes did not exit and were killed: ${left.map((p) => `${p.pid} ${p.exe}`).join(', ')}`);
    }
    try {
      rmSync(this.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (e) {
      // A leftover temporary folder is not the app's fault; say so and let the test's verdict stand.
      console.error(`note: could not remove ${this.dir}: ${e.message}`);
    }
    if (error) throw error;
  }
}

/**
 * Runs `fn(app, session)` against a freshly started app with its own new workspace. On failure,
 * saves a screenshot to tests/e2e/artifacts/<test name>.png and mentions it in the error.
 * If WebKit's web process died during the run (`App.webProcessDied`), the test runs once more
 * from the start on a new workspace, with a note; any other failure, or a second one, fails it.
 */
export async function withApp(name, fn) {
  for (let attempt = 1; ; attempt++) {
    const app = new App();
    let failure = null;
    let died = false;
    try {
      await app.start();
      await fn(app, app.session);
    } catch (e) {
      failure = e;
      died = app.webProcessDied();
      try {
        const shot = await app.screenshot(join(ARTIFACTS, `${slug(name)}.png`));
        e.message += `\nscreenshot: ${shot}`;
      } catch (shotErr) {
        e.message += `\n(no screenshot: ${shotErr.message})`;
      }
    } finally {
      try {
        await app.stop();
      } catch (e) {
        failure ??= e;
      }
    }
    if (!failure) return;
    if (died && attempt === 1) {
      console.error(`note: "${name}": WebKit's web process died during the test (${failure.message.split('\n')[0]}); running it again`);
      continue;
    }
    if (died) failure.message += "\nWebKit's web process died during this run too.";
    throw failure;
  }
}
