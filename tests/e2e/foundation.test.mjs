// End-to-end tests of the foundation: the real Ponte window, driven as a user drives it.
// Each test starts the app on its own new workspace (filled with the built-in demo).
// Run through scripts/test.sh, which builds the app and starts a private Xvfb.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';
import { clickRow, fill, go, pick, searchFor, searchHits, waitForNoRow, waitForRow } from './steps.mjs';
import { Keys, sleep } from './webdriver.mjs';

const JAPAN = 'Japan Health Expo 2025';
const BOSTON = 'Bridging Innovation Program';

// ------------------------------------------------------------------ helpers

/** Saves the form on screen and waits for the detail page it leads to. */
async function saveAndWaitForDetail(s, title) {
  await (await s.waitForTestId('save')).click();
  await s.waitForText('[data-testid="detail-title"]', title);
}

/** Opens the contact with that name from the contacts list. */
async function openContact(s, name) {
  await go(s, 'contacts');
  await clickRow(await waitForRow(s, 'contact-row', name));
  await s.waitForText('[data-testid="detail-title"]', name);
}

/** Opens the member with that name from the members list. */
async function openMember(s, name) {
  await go(s, 'members');
  await clickRow(await waitForRow(s, 'member-row', name));
  await s.waitForText('[data-testid="detail-title"]', name);
}

/** Waits until the search shows hits whose titles include every one of `titles`. */
function waitForHits(s, titles) {
  return s.waitFor(
    async () => {
      const hits = await searchHits(s);
      return titles.every((t) => hits.some((h) => h.title.includes(t))) ? hits : null;
    },
    { what: `search hits ${titles.join(', ')}` },
  );
}

function unique(prefix) {
  return `${prefix} ${Date.now().toString(36)}`;
}

// ------------------------------------------------------------------ tests

test('the app window opens and shows a screen title', async () => {
  await withApp('window opens', async (app, s) => {
    const title = await s.waitForTestId('page-title');
    assert.ok((await title.text()).trim().length > 0, 'the page title has text');
    assert.equal(await s.title(), 'Ponte');
  });
});

test('opening a new workspace shows the demo missions on the dashboard and in the missions list', async () => {
  await withApp('demo missions on dashboard and list', async (app, s) => {
    await s.waitFor(async () => (await s.url()).match(/#\/?$|localhost\/?$/), { what: 'the dashboard route' });
    await s.waitFor(
      async () => {
        const text = await s.screenText();
        return text.includes(JAPAN) && text.includes(BOSTON);
      },
      { what: 'both demo missions on the dashboard' },
    );

    await go(s, 'missions');
    await s.waitForTestId('missions-table');
    await waitForRow(s, 'mission-row', JAPAN);
    await waitForRow(s, 'mission-row', BOSTON);
  });
});

test('global search finds contacts by prefix and without accents, and opens the one chosen', async () => {
  await withApp('global search', async (app, s) => {
    await searchFor(s, 'ros');
    const hits = await waitForHits(s, ['Michael Rossi', 'Francesca Rossini']);
    assert.ok(
      hits.some((h) => h.title.includes('Michael Rossi') && h.kind === 'contact'),
      `Michael Rossi should be a contact hit: ${JSON.stringify(hits)}`,
    );

    const box = await searchFor(s, 'nicolo');
    await waitForHits(s, ['Nicolò Marino']);

    // Keyboard: the best hit for a full name is that contact; Enter opens it.
    await searchFor(s, 'michael rossi');
    await s.waitFor(
      async () => {
        const first = (await searchHits(s))[0];
        return first && first.kind === 'contact' && first.title.includes('Michael Rossi');
      },
      { what: 'Michael Rossi as the first hit' },
    );
    await box.sendKeys(Keys.Enter);
    await s.waitForText('[data-testid="detail-title"]', 'Michael Rossi');
    assert.match(await s.url(), /#\/contacts\/[^/]+$/);
    // The e-mail reads as stored, and a narrow column may wrap it only after "@" or before a
    // dot, never inside a word.
    assert.equal(await (await s.waitForTestId('contact-email')).text(), 'michael.rossi@example.com');
    const wraps = await s.execute(
      'return [...document.querySelectorAll(\'[data-testid="contact-email"] wbr\')].map((w) => w.previousSibling.textContent);',
    );
    assert.deepEqual(wraps, ['michael', '.rossi@', 'example']);

    // Mouse: clicking a contact hit opens it.
    await searchFor(s, 'ros');
    await waitForHits(s, ['Francesca Rossini']);
    const hitEls = await s.allByTestId('search-hit');
    let clicked = false;
    for (const el of hitEls) {
      if ((await el.attribute('data-kind')) === 'contact' && (await el.text()).includes('Francesca Rossini')) {
        await el.click();
        clicked = true;
        break;
      }
    }
    assert.ok(clicked, 'a contact hit for Francesca Rossini');
    await s.waitForText('[data-testid="detail-title"]', 'Francesca Rossini');
  });
});

test('a member created through the form shows in the members list and survives a restart', async () => {
  await withApp('member created survives restart', async (app, s) => {
    const name = unique('Officina Test');
    await go(s, 'members');
    await (await s.waitForTestId('new-member')).click();
    await fill(s, 'name', name);
    await pick(s, 'kind', 'startup');
    await saveAndWaitForDetail(s, name);

    await go(s, 'members');
    await waitForRow(s, 'member-row', name);

    const s2 = await app.restart();
    await go(s2, 'members');
    await waitForRow(s2, 'member-row', name);
  });
});

test('editing a contact’s role shows the new role in the detail and after a restart', async () => {
  await withApp('edit contact role', async (app, s) => {
    const role = unique('Chief Bridge Officer');
    await openContact(s, 'Michael Rossi');
    await (await s.waitForTestId('edit')).click();
    await fill(s, 'role', role);
    await saveAndWaitForDetail(s, 'Michael Rossi');
    await s.waitForText('[data-testid="contact-role"]', role);

    const s2 = await app.restart();
    await openContact(s2, 'Michael Rossi');
    await s2.waitForText('[data-testid="contact-role"]', role);
  });
});

test('a contact named like an HTML tag is shown as literal text and never run', async () => {
  await withApp('html in contact name', async (app, s) => {
    const evil = '<img src=x onerror=alert(1)>';
    const last = unique('Injection');
    // Record any alert instead of blocking on it (the page is never reloaded: routing is by hash).
    await s.execute('window.__alerts = []; window.alert = (m) => { window.__alerts.push(String(m)); };');

    await go(s, 'contacts');
    await (await s.waitForTestId('new-contact')).click();
    await fill(s, 'firstName', evil);
    await fill(s, 'lastName', last);
    await saveAndWaitForDetail(s, last);
    assert.ok((await (await s.byTestId('detail-title')).text()).includes(evil), 'the detail shows the name literally');

    await go(s, 'contacts');
    const row = await waitForRow(s, 'contact-row', last);
    assert.ok((await row.text()).includes(evil), 'the list shows the name literally');

    const imgs = await s.execute(
      'return document.querySelectorAll(\'[data-testid="contacts-table"] img, [data-testid="detail-title"] img\').length;',
    );
    assert.equal(imgs, 0, 'no img element was created');
    await sleep(300); // give a broken image's onerror a moment, had one been created
    assert.equal(await s.alertText(), null, 'no alert dialog is open');
    assert.deepEqual(await s.execute('return window.__alerts;'), [], 'alert() was never called');
  });
});

test('switching the language changes the labels, and the choice survives a restart', async () => {
  await withApp('switch language', async (app, s) => {
    const navContacts = '[data-testid="nav-contacts"]';

    await (await s.waitForTestId('lang-en')).click();
    await s.waitForText(navContacts, 'Contacts');
    assert.equal(await (await s.byTestId('lang-en')).attribute('aria-pressed'), 'true');
    assert.equal(await s.execute('return document.documentElement.lang;'), 'en');

    await (await s.byTestId('lang-it')).click();
    await s.waitForText(navContacts, 'Contatti');
    assert.equal(await (await s.byTestId('lang-it')).attribute('aria-pressed'), 'true');
    await go(s, 'contacts');
    await s.waitForText('[data-testid="page-title"]', 'Contatti');

    // Italian survives a restart (whatever language the system would pick by itself)...
    const s2 = await app.restart();
    await s2.waitForText(navContacts, 'Contatti');
    assert.equal(await (await s2.byTestId('lang-it')).attribute('aria-pressed'), 'true');

    // ...and so does English, chosen in Settings.
    await go(s2, 'settings');
    await pick(s2, 'language', 'en', '');
    await s2.waitForText(navContacts, 'Contacts');

    const s3 = await app.restart();
    await s3.waitForText(navContacts, 'Contacts');
    assert.equal(await (await s3.byTestId('lang-en')).attribute('aria-pressed'), 'true');
    await go(s3, 'contacts');
    await s3.waitForText('[data-testid="page-title"]', 'Contacts');
  });
});

test('deleting a member with people is refused with a clear message, and an empty one is deleted', async () => {
  await withApp('delete member', async (app, s) => {
    // Over SpA has a person (Nicolò Marino): refused.
    await openMember(s, 'Over SpA');
    await (await s.waitForTestId('delete')).click();
    await (await s.waitForTestId('confirm-delete')).click();
    const banner = await s.waitForTestId('error-banner');
    const message = await banner.text();
    assert.match(message, /non può essere eliminat|can.t be deleted/i, `refusal message: ${message}`);
    assert.match(message, /persona|person/i, `the message says why (people): ${message}`);
    assert.equal(await banner.attribute('data-code'), 'referenced');
    await (await s.byTestId('error-dismiss')).click();
    await s.waitFor(async () => (await s.allByTestId('error-banner')).length === 0, { what: 'the banner to go' });
    await go(s, 'members');
    await waitForRow(s, 'member-row', 'Over SpA');

    // A new member without people: deleted after confirming.
    const name = unique('Da Eliminare');
    await (await s.waitForTestId('new-member')).click();
    await fill(s, 'name', name);
    await pick(s, 'kind', 'other');
    await saveAndWaitForDetail(s, name);
    await (await s.waitForTestId('delete')).click();
    await (await s.waitForTestId('confirm-delete')).click();
    await s.waitFor(async () => !(await s.url()).includes('/members/'), { what: 'leaving the deleted member' });
    assert.equal((await s.allByTestId('error-banner')).length, 0, 'no error banner');
    await go(s, 'members');
    await waitForRow(s, 'member-row', 'Over SpA');
    await waitForNoRow(s, 'member-row', name);
  });
});

test('an invalid e-mail in the contact form shows an error next to the field and saves nothing', async () => {
  await withApp('invalid email', async (app, s) => {
    const last = unique('Sbagliata');
    await go(s, 'contacts');
    await (await s.waitForTestId('new-contact')).click();
    await fill(s, 'firstName', 'Posta');
    await fill(s, 'lastName', last);
    await fill(s, 'email', 'not-an-email');
    await (await s.waitForTestId('save')).click();

    const error = await s.waitForElement('[data-testid="field-error"][data-field="email"]');
    assert.ok((await error.text()).trim().length > 0, 'the field error has text');
    // The error sits next to the e-mail input: same field container, and the input points at it.
    const nextToField = await s.execute(
      `const input = document.querySelector('form [name="email"]');
       const err = document.querySelector('[data-testid="field-error"][data-field="email"]');
       return input.getAttribute('aria-invalid') === 'true'
         && (input.getAttribute('aria-describedby') || '').split(' ').includes(err.id)
         && input.closest('.field') === err.closest('.field');`,
    );
    assert.equal(nextToField, true, 'the error is tied to the e-mail input');
    assert.ok((await s.url()).endsWith('/contacts/new'), `still on the form: ${await s.url()}`);

    await (await s.byTestId('cancel')).click();
    await go(s, 'contacts');
    await waitForRow(s, 'contact-row', 'Michael Rossi');
    await waitForNoRow(s, 'contact-row', last);
  });
});
