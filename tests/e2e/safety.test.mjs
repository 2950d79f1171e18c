// End-to-end tests of keeping the data safe: a passphrase set in Settings, the workspace locked
// across a restart and by hand, a wrong passphrase refused, and nothing of the workspace readable
// in the file on disk. The real Ponte window, driven as a user drives it.
// Run through scripts/test.sh, which builds the app and starts a private Xvfb.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { withApp } from './harness.mjs';
import { clickOn, clickRow, fill, go, pick, scrollIntoView, searchFor, searchHits, textsOfCss, waitForNoRow, waitForRow } from './steps.mjs';
import { sleep } from './webdriver.mjs';

const PASSPHRASE = 'Osaka Expo 2025!';
// Demo data that must not be readable in the encrypted file.
const SECRETS = ['chiara.colombo@example.org', 'Colombo', 'Padiglione Italia'];
// The demo contact the test erases, and what of them must leave the file.
const ERASED = 'Michael Rossi';
const ERASED_TRACES = ['michael.rossi@example.com', 'Michael Rossi', '617 555 0102', '6175550102'];

/** The workspace file and its WAL, as bytes: what a thief with the laptop's disk would read. */
function rawWorkspace(db) {
  const parts = [readFileSync(db)];
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(db + suffix)) parts.push(readFileSync(db + suffix));
  }
  return Buffer.concat(parts);
}

async function typeInto(s, testId, text) {
  const input = await s.waitForTestId(testId);
  await scrollIntoView(s, input);
  await input.clearByKeys();
  await input.sendKeys(text);
  return input;
}

/** Protects the open workspace with PASSPHRASE from Settings, as a user does. */
async function protect(s) {
  await go(s, 'settings');
  await typeInto(s, 'security-set-new', PASSPHRASE);
  await typeInto(s, 'security-set-again', PASSPHRASE);
  await (await s.waitForTestId('security-set-submit')).click();
  await s.waitForTestId('security-lock-after', { timeout: 20000 });
}

async function unlockWith(s, passphrase) {
  await typeInto(s, 'unlock-passphrase', passphrase);
  await (await s.waitForTestId('unlock-submit')).click();
}

test('a passphrase set in Settings locks the workspace across a restart and by hand; an erased contact leaves no trace', async () => {
  await withApp('a passphrase set in Settings locks the workspace', async (app, s) => {
    assert.ok(rawWorkspace(app.db).includes('chiara.colombo@example.org'), 'the plain demo is readable before');

    await go(s, 'settings');
    await typeInto(s, 'security-set-new', 'short');
    await typeInto(s, 'security-set-again', 'short');
    await (await s.waitForTestId('security-set-submit')).click();
    await s.waitForText('[data-testid="security-set-error"]', /8/);

    await typeInto(s, 'security-set-new', PASSPHRASE);
    await typeInto(s, 'security-set-again', PASSPHRASE);
    await (await s.waitForTestId('security-set-submit')).click();
    await s.waitForText('[data-testid="security-state"]', /cifrata con una passphrase|encrypted with a passphrase/, {
      timeout: 20000,
    });
    const raw = rawWorkspace(app.db);
    for (const secret of SECRETS) assert.ok(!raw.includes(secret), `${secret} readable in the encrypted file`);

    // A restart asks for the passphrase; a wrong one is refused and the app stays locked.
    const s2 = await app.restart('unlock-screen');
    const before = readFileSync(app.db);
    await unlockWith(s2, 'Osaka Expo 2024!');
    await s2.waitForText('[data-testid="unlock-error"]', /errata|Wrong passphrase/, { timeout: 20000 });
    assert.ok(readFileSync(app.db).equals(before), 'a wrong passphrase changed the file');
    assert.ok(!(await s2.screenText()).includes('Colombo'), 'workspace data shown while locked');

    await unlockWith(s2, PASSPHRASE);
    await s2.waitForTestId('page-title', { timeout: 20000 });
    await searchFor(s2, 'colombo');
    await s2.waitFor(async () => (await searchHits(s2)).some((h) => h.title.includes('Chiara Colombo')), {
      what: 'search to find Chiara Colombo after unlocking',
    });

    // Locking by hand takes every trace of the workspace off the screen.
    await (await s2.waitForTestId('lock-now')).click();
    await s2.waitForTestId('unlock-screen');
    const locked = await s2.screenText();
    assert.ok(!locked.includes('Colombo'), `workspace data shown after locking: ${locked.slice(0, 400)}`);
    await unlockWith(s2, PASSPHRASE);
    await s2.waitForTestId('page-title', { timeout: 20000 });

    // Erasing a person (GDPR): gone from the list, the search and, below, the file itself.
    await go(s2, 'contacts');
    await clickRow(await waitForRow(s2, 'contact-row', ERASED));
    await s2.waitForText('[data-testid="detail-title"]', ERASED);
    await clickOn(s2, await s2.waitForTestId('erase'));
    await (await s2.waitForTestId('confirm-delete')).click();
    await s2.waitFor(async () => (await s2.url()).endsWith('#/contacts'), { what: 'the contacts list after erasing' });
    await waitForNoRow(s2, 'contact-row', ERASED);
    await searchFor(s2, 'michael rossi');
    await sleep(1500); // the search answers as one types; give it time to (not) find him
    const hits = await searchHits(s2);
    assert.ok(!hits.some((h) => h.title.includes(ERASED)), `still found: ${JSON.stringify(hits)}`);

    // Without the passphrase the file is plain again: the other people are readable in it, the
    // erased one is not, in the file nor its WAL.
    await go(s2, 'settings');
    await typeInto(s2, 'security-remove-current', PASSPHRASE);
    await (await s2.waitForTestId('security-remove-submit')).click();
    await (await s2.waitForTestId('security-remove-confirm-ok')).click();
    await s2.waitForText('[data-testid="security-state"]', /non è cifrata|not encrypted/, { timeout: 20000 });
    const plain = rawWorkspace(app.db);
    assert.ok(plain.includes('chiara.colombo@example.org'), 'the decrypted file should be readable, or this proves nothing');
    for (const trace of ERASED_TRACES) assert.ok(!plain.includes(trace), `${trace} still in the workspace file`);
  });
});

test('an idle app locks itself after the minutes chosen in Settings', async () => {
  await withApp('an idle app locks itself', async (app, s) => {
    await protect(s);
    await pick(s, 'lockAfterMinutes', '1', '[data-testid="settings-security"]');
    await s.waitForText('[data-testid="security-lock-after"] option:checked', /1/);
    // Still open after half a minute of use...
    await sleep(30000);
    assert.ok(!(await s.screenText()).includes('Protected workspace') && (await s.find('[data-testid="page-title"]')));
    // ...and locked once a whole minute passes with nobody touching it.
    await s.waitForTestId('unlock-screen', { timeout: 60000 });
    assert.ok(!(await s.screenText()).includes('Colombo'));
    await unlockWith(s, PASSPHRASE);
    await s.waitForTestId('page-title', { timeout: 20000 });
  });
});

test('a backup taken from Settings brings the workspace back as it was, after keeping the present state', async () => {
  await withApp('a backup taken from Settings is restored', async (app, s) => {
    const rows = () => textsOfCss(s, '[data-testid="backup-row"]');
    await go(s, 'settings');
    await s.waitForTestId('backup-now');
    // A long screen scrolls inside the app, never the window past the sidebar and the top bar.
    const [page, view] = await s.execute('return [document.documentElement.scrollHeight, window.innerHeight];');
    assert.ok(page <= view, `the window itself scrolls: ${page} > ${view}`);
    const before = (await rows()).length; // the daily backup taken at start, if any
    await clickOn(s, await s.waitForTestId('backup-now'));
    await s.waitFor(async () => (await rows()).length === before + 1, { what: 'the new backup in the list' });

    // Work done after the backup...
    const name = 'Dopo il backup SpA';
    await go(s, 'members');
    await (await s.waitForTestId('new-member')).click();
    await fill(s, 'name', name);
    await pick(s, 'kind', 'startup');
    await (await s.waitForTestId('save')).click();
    await s.waitForText('[data-testid="detail-title"]', name);

    // ...is undone by restoring it, once the preview says what the backup holds.
    await go(s, 'settings');
    const newest = await s.waitForElement('[data-testid="backup-row"] [data-testid="backup-restore"]');
    await clickOn(s, newest);
    await s.waitForTestId('restore-counts', { timeout: 20000 });
    // The window reloads once the workspace is restored. Until then the old page, dialog open,
    // is still there with its own title: wait for the new page, not just for a title.
    await s.execute('window.__ponteBeforeRestore = true;');
    await (await s.waitForTestId('confirm-restore')).click();
    await s.waitFor(async () => (await s.execute('return window.__ponteBeforeRestore !== true;')) === true, {
      what: 'the window reloaded on the restored workspace',
      timeout: 30000,
    });
    await s.waitForTestId('page-title', { timeout: 20000 });
    await go(s, 'members');
    await waitForNoRow(s, 'member-row', name);
    await waitForRow(s, 'member-row', 'Bracco');

    // The state before the restore was kept as a backup of its own.
    await go(s, 'settings');
    await s.waitFor(async () => (await rows()).length === before + 2, { what: 'the before-restore backup in the list' });
  });
});
