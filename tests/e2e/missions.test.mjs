// End-to-end tests of planning and logging missions: the delegation, the agenda in two time
// zones with clashes, the keyboard-only quick log (new contact, delegate, follow-up), follow-ups
// marked done, and the quick log's draft surviving a restart. The real Ponte window, driven as a
// user drives it; each test starts the app on its own new workspace (filled with the demo).
// Run through scripts/test.sh, which builds the app and starts a private Xvfb.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';
import { clickOn, clickRow, fill, go, pick, scrollIntoView, searchFor, searchHits, textsOfCss, waitForNoRow, waitForRow } from './steps.mjs';
import { Keys, sleep } from './webdriver.mjs';

const TOKYO = 'Asia/Tokyo';
const HOME = 'Europe/Rome'; // the default home time zone of a new workspace
const HOME_CITY_IT = 'Roma'; // how the Italian UI names it

const MISSION = 'Kansai Life Science Week 2026';
const HIT = 'Fondazione Hub Innovazione Trentino (HIT)';
const LUCA = 'Luca Moser';
const CLUSTER = 'Cluster lombardo scienze della vita';
const CHIARA = 'Chiara Colombo';

// ------------------------------------------------------------------ dates and times

/** The calendar day of `at` in `zone`, as YYYY-MM-DD. */
function ymdIn(zone, at = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The wall-clock time of `at` in `zone`, as HH:MM. */
function hmIn(zone, at) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

function addDays(ymd, n) {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Minutes `zone` is ahead of UTC at the instant `ms`. */
function offsetMinutes(zone, ms) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return Math.round((asUtc - ms) / 60000);
}

/** The instant of the wall-clock time `ymd` `hm` in `zone`. */
function instantOf(ymd, hm, zone) {
  const [y, m, d] = ymd.split('-').map(Number);
  const [hh, mm] = hm.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  let at = naive - offsetMinutes(zone, naive) * 60000;
  at = naive - offsetMinutes(zone, at) * 60000;
  return new Date(at);
}

/**
 * What the agenda shows for an item starting at `hm` on `ymd` in `zone`: the time there and at
 * home side by side, e.g. "10:00 Osaka · 02:00 Roma" (with "(−1)"/"(+1)" when the day differs).
 */
function dualTime(ymd, hm, zone, label) {
  const at = instantOf(ymd, hm, zone);
  const homeDay = ymdIn(HOME, at);
  const shift = homeDay === ymd ? '' : homeDay > ymd ? ' (+1)' : ' (−1)';
  return `${hm} ${label} · ${hmIn(HOME, at)} ${HOME_CITY_IT}${shift}`;
}

/**
 * The keys that type a date into the page's date inputs, which are edited part by part in the
 * webview's locale (e.g. "11/28/2026" for en-US).
 */
async function dateKeys(s, ymd) {
  return s.execute(
    `const [y, m, d] = arguments[0].split('-').map(Number);
     const parts = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' })
       .formatToParts(new Date(y, m - 1, d));
     const by = { year: String(y).padStart(4, '0'), month: String(m).padStart(2, '0'), day: String(d).padStart(2, '0') };
     return parts.filter((p) => p.type in by).map((p) => by[p.type]).join('/');`,
    [ymd],
  );
}

// ------------------------------------------------------------------ helpers

/** Picks the option of the <select name=...> inside `scope` whose text is `text`. */
async function pickByText(s, name, text, scope = 'form') {
  const value = await s.waitFor(
    () =>
      s.execute(
        `const select = document.querySelector(arguments[0]);
         const option = select && Array.from(select.options).find((o) => o.text.trim() === arguments[1]);
         return option ? option.value : null;`,
        [`${scope} [name="${name}"]`, text],
      ),
    { what: `an option "${text}" in the select ${name}` },
  );
  await pick(s, name, value, scope);
}

/** Types a date (YYYY-MM-DD) into the date input named `name` inside `scope`. */
async function typeDate(s, name, ymd, scope = 'form') {
  const input = await s.waitForElement(`${scope} [name="${name}"]`);
  const keys = await dateKeys(s, ymd);
  await clickOn(s, input);
  await input.sendKeys(keys);
  await s.waitFor(async () => (await input.property('value')) === ymd, {
    what: `date input ${name} to hold ${ymd} (typed ${JSON.stringify(keys)})`,
    timeout: 3000,
  }).catch(async (e) => {
    e.message = `${e.message}\nit holds: ${JSON.stringify(await input.property('value'))}`;
    throw e;
  });
}

/**
 * Types a time (HH:MM) into the time input named `name` inside `scope`. The 24-hour form is typed
 * even where the field shows AM/PM: its hour part takes 0–23 and sets AM/PM from it (typing the
 * letters "AM"/"PM" does not change that part in WebKitGTK).
 */
async function typeTime(s, name, hm, scope = 'form') {
  const input = await s.waitForElement(`${scope} [name="${name}"]`);
  await clickOn(s, input);
  await input.sendKeys(hm);
  await s.waitFor(async () => (await input.property('value')) === hm, {
    what: `time input ${name} to hold ${hm}`,
    timeout: 3000,
  }).catch(async (e) => {
    e.message = `${e.message}\nit holds: ${JSON.stringify(await input.property('value'))}`;
    throw e;
  });
}

/** Ticks the checkbox (by test id, inside `scope`) whose label names `name`. */
async function tickPerson(s, testid, name, scope) {
  const box = await s.waitFor(
    async () => {
      for (const el of await s.findAll(`${scope} [data-testid="${testid}"]`)) {
        const label = await s.execute('return arguments[0].closest("li").innerText;', [el]);
        if (label.includes(name)) return el;
      }
      return null;
    },
    { what: `a ${testid} checkbox for ${name}` },
  );
  if (!(await box.isSelected())) await clickOn(s, box);
  await s.waitFor(() => box.isSelected(), { what: `${name} to be ticked` });
}

/** Switches the UI to Italian (the times read "… Roma"). */
async function useItalian(s) {
  await (await s.waitForTestId('lang-it')).click();
  await s.waitFor(async () => (await (await s.byTestId('lang-it')).attribute('aria-pressed')) === 'true', {
    what: 'the Italian UI',
  });
}

/** Creates a mission through its form and returns its id (the detail page is then open). */
async function createMission(s, m) {
  await go(s, 'missions');
  await (await s.waitForTestId('new-mission')).click();
  await s.waitForTestId('mission-form');
  const scope = '[data-testid="mission-form"]';
  await fill(s, 'title', m.title, scope);
  await fill(s, 'destination', m.destination, scope);
  await fill(s, 'country', m.country, scope);
  await fill(s, 'timeZone', m.timeZone, scope);
  await pick(s, 'status', m.status, scope);
  await typeDate(s, 'startsOn', m.startsOn, scope);
  await typeDate(s, 'endsOn', m.endsOn, scope);
  await clickOn(s, await s.byTestId('save'));
  await s.waitForText('[data-testid="detail-title"]', m.title);
  const url = await s.url();
  const id = (url.match(/#\/missions\/([^/?]+)/) || [])[1];
  assert.ok(id && id !== 'new', `the mission page is open: ${url}`);
  return id;
}

/** On the mission page: adds the member to the delegation, then that person as its delegate. */
async function addDelegate(s, member, person) {
  await clickOn(s, await s.waitForTestId('add-participation'));
  const pForm = '[data-testid="participation-form"]';
  await s.waitForElement(`${pForm} [name="memberId"]`);
  await pickByText(s, 'memberId', member, pForm);
  await pick(s, 'status', 'confirmed', pForm);
  await clickOn(s, await s.find(`${pForm} [data-testid="save"]`));
  await s.waitFor(async () => (await s.allByTestId('participation-form')).length === 0, {
    what: 'the member form to close',
  });
  await waitForRow(s, 'participation', member);

  // Saving the member opens the form of its first delegate.
  const dForm = '[data-testid="delegate-form"]';
  await s.waitForElement(`${dForm} [name="personId"]`);
  await pickByText(s, 'personId', person, dForm);
  await pick(s, 'status', 'confirmed', dForm);
  await clickOn(s, await s.find(`${dForm} [data-testid="save"]`));
  await s.waitFor(async () => (await s.allByTestId('delegate-form')).length === 0, {
    what: 'the delegate form to close',
  });
  await waitForRow(s, 'delegate-row', person);
}

/**
 * Waits for the inline form (by test id) to close after saving; fails at once, with the messages,
 * if it shows field errors or an error banner instead.
 */
async function waitForFormClosed(s, testid, what) {
  const outcome = await s.waitFor(
    async () => {
      if ((await s.allByTestId(testid)).length === 0) return { closed: true };
      const errors = await s.execute(
        `return Array.from(document.querySelectorAll(arguments[0])).map((e) =>
           (e.getAttribute('data-field') ? e.getAttribute('data-field') + ': ' : '') + e.innerText.trim());`,
        [`[data-testid="${testid}"] [data-testid="field-error"], [data-testid="error-banner"]`],
      );
      return errors.length ? { errors } : null;
    },
    { what },
  );
  if (outcome.errors) throw new Error(`${what}: the form shows errors instead: ${outcome.errors.join(' | ')}`);
}

/**
 * On the mission page: adds an agenda item through the inline form. Without `item.date` the item
 * is on the day the form proposes. Returns the day it is on (YYYY-MM-DD, the mission's zone).
 */
async function addAgendaItem(s, item) {
  await clickOn(s, await s.waitForTestId('agenda-add'));
  const scope = '[data-testid="agenda-item-form"]';
  await s.waitForElement(`${scope} [name="title"]`);
  await fill(s, 'title', item.title, scope);
  if (item.kind) await pick(s, 'kind', item.kind, scope);
  if (item.date) await typeDate(s, 'startsDate', item.date, scope);
  const day = await (await s.find(`${scope} [name="startsDate"]`)).property('value');
  await typeTime(s, 'startsTime', item.start, scope);
  await typeTime(s, 'endsTime', item.end, scope);
  assert.equal(await (await s.find(`${scope} [name="timeZone"]`)).property('value'), TOKYO, 'the item is in the mission’s zone');
  for (const person of item.persons ?? []) await tickPerson(s, 'attendee-person', person, scope);
  if (item.contact) {
    const search = await s.find(`${scope} [data-testid="meeting-contact-search"]`);
    await clickOn(s, search);
    await search.sendKeys(item.contact);
    const option = await waitForRow(s, 'meeting-contact-option', item.contact, { within: scope });
    await clickOn(s, option);
    await waitForRow(s, 'picked-contact', item.contact, { within: scope });
  }
  await clickOn(s, await s.find(`${scope} [data-testid="save"]`));
  await waitForFormClosed(s, 'agenda-item-form', `the agenda item "${item.title}" to be saved`);
  await agendaEntry(s, item.title);
  return day;
}

/**
 * The agenda entry (in the mission's agenda) whose title is `title` (by its title: an entry's
 * clash warning names the other item too).
 */
function agendaEntry(s, title) {
  return s.waitFor(
    async () => {
      for (const entry of await s.findAll('[data-testid="mission-agenda"] [data-testid="meeting"]')) {
        if ((await (await entry.find('[data-testid="meeting-title"]')).text()).trim() === title) return entry;
      }
      return null;
    },
    { what: `the agenda item "${title}"` },
  );
}

/** Waits until the element matching css shows exactly `expected` (trimmed). */
function waitForExactText(s, css, expected) {
  return s.waitFor(async () => (await (await s.find(css)).text()).trim() === expected, {
    what: `${css} to show exactly "${expected}"`,
  });
}

/** The mission used by the tests: active, in Osaka, from yesterday to three days on (Tokyo dates). */
function kansaiMission() {
  const today = ymdIn(TOKYO);
  return {
    title: MISSION,
    destination: 'Osaka',
    country: 'JP',
    timeZone: TOKYO,
    status: 'active',
    startsOn: addDays(today, -1),
    endsOn: addDays(today, 3),
  };
}

/** A description of the focused element: tag, name, test id, value, checked, and its label. */
function focusedInfo(s) {
  return s.execute(`
    const e = document.activeElement;
    if (!e) return null;
    const label = e.id ? document.querySelector('label[for="' + CSS.escape(e.id) + '"]') : null;
    return { tag: e.tagName.toLowerCase(), name: e.getAttribute('name'), testid: e.getAttribute('data-testid'),
      type: e.type || null, value: 'value' in e ? e.value : null, checked: !!e.checked,
      label: label ? label.innerText.trim() : '',
      selectedText: e.tagName === 'SELECT' && e.selectedIndex >= 0 ? e.options[e.selectedIndex].text.trim() : null };`);
}

/** Presses Tab until the focused element satisfies `isIt` (at most `max` times); returns its info. */
async function tabUntil(s, isIt, what, max = 40) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await s.pressKeys(Keys.Tab);
    const info = await focusedInfo(s);
    if (info && isIt(info)) return info;
    seen.push(info ? `${info.tag}[name=${info.name}][testid=${info.testid}]` : 'nothing');
  }
  throw new Error(`Tab never reached ${what}; the focus went through: ${seen.join(' → ')}`);
}

/** Waits until the focused element satisfies `isIt`. */
function waitForFocus(s, isIt, what) {
  return s.waitFor(async () => {
    const info = await focusedInfo(s);
    return info && isIt(info) ? info : null;
  }, { what: `the focus on ${what}` });
}

/** Opens the mission with that title from the missions list. */
async function openMission(s, title) {
  await go(s, 'missions');
  await clickRow(await waitForRow(s, 'mission-row', title));
  await s.waitForText('[data-testid="detail-title"]', title);
}

/** Waits until the dashboard's boards are loaded (its panels are on screen). */
async function dashboardLoaded(s) {
  await go(s, 'dashboard');
  await s.waitForTestId('overdue-follow-ups');
  await s.waitForTestId('recent-meetings');
}

/** Opens the quick log with the top bar button and waits for its form. */
async function openQuickLog(s) {
  await (await s.waitForTestId('log-meeting')).click();
  await s.waitForTestId('log-form');
}

/** Waits for the quick log to close after saving, with no error shown in it. */
async function waitForLogSaved(s) {
  const outcome = await s.waitFor(
    async () => {
      if ((await s.allByTestId('log-form')).length === 0) return { closed: true };
      const errors = await textsOfCss(
        s,
        '[data-testid="log-form"] [data-testid="field-error"], [data-testid="log-form"] [data-testid="error-banner"]',
      );
      return errors.length ? { errors } : null;
    },
    { what: 'the quick log to close after saving' },
  );
  if (outcome.errors) throw new Error(`the quick log was not saved; it shows: ${outcome.errors.join(' | ')}`);
}

// ------------------------------------------------------------------ tests

test('planning a mission with two delegates and three agenda items shows dual times, clashes and figures', async () => {
  await withApp('planning a mission', async (app, s) => {
    await useItalian(s);
    const mission = kansaiMission();
    await createMission(s, mission);

    await addDelegate(s, HIT, LUCA);
    await addDelegate(s, CLUSTER, CHIARA);
    await waitForExactText(s, '[data-testid="delegation-filter"][data-status="all"] [data-testid="delegation-count"]', '2');
    await waitForExactText(s, '[data-testid="delegation-filter"][data-status="confirmed"] [data-testid="delegation-count"]', '2');

    // Three items on the day the form proposes: today in Osaka, the mission being under way.
    const items = [
      { title: 'Incontro con Shionogi', kind: 'b2b', start: '10:00', end: '11:00', persons: [LUCA] },
      { title: 'Visita a Takeda', kind: 'site_visit', start: '10:30', end: '11:30', persons: [LUCA] },
      { title: 'Incontro con OCCI', kind: 'b2b', start: '14:00', end: '15:00', persons: [CHIARA], contact: 'Yamamoto' },
    ];
    for (const item of items) {
      const before = ymdIn(TOKYO);
      item.date = await addAgendaItem(s, item);
      const after = ymdIn(TOKYO);
      assert.ok([before, after].includes(item.date), `"${item.title}" is today in Osaka (${before}): ${item.date}`);
    }

    // Each item in Osaka time and Rome time side by side.
    for (const item of items) {
      const entry = await agendaEntry(s, item.title);
      const expected = dualTime(item.date, item.start, TOKYO, 'Osaka');
      const shown = (await (await entry.find('[data-testid="meeting-time"]')).text()).trim();
      assert.equal(shown, expected, `the time of "${item.title}"`);
      assert.equal(await entry.attribute('data-status'), 'planned', `"${item.title}" is planned`);
      assert.ok(
        (await s.execute('return arguments[0].closest("[data-testid=agenda-day]").getAttribute("data-day");', [entry])) === item.date,
        `"${item.title}" is on ${item.date}`,
      );
    }

    // The two overlapping items with Luca Moser warn about each other; the third does not.
    for (const [self, other] of [
      [items[0], items[1]],
      [items[1], items[0]],
    ]) {
      const entry = await agendaEntry(s, self.title);
      const warnings = await entry.findAll('[data-testid="clash-warning"]');
      assert.equal(warnings.length, 1, `"${self.title}" shows a clash warning`);
      const text = await warnings[0].text();
      assert.ok(text.includes(LUCA), `the clash on "${self.title}" names ${LUCA}: ${text}`);
      assert.ok(text.includes(other.title), `the clash on "${self.title}" names "${other.title}": ${text}`);
    }
    const third = await agendaEntry(s, items[2].title);
    assert.equal((await third.findAll('[data-testid="clash-warning"]')).length, 0, `"${items[2].title}" has no clash`);
    assert.ok((await third.text()).includes('Yamamoto'), 'the contact picked is an attendee of the third item');

    // The figures.
    const figures = '[data-testid="mission-figures"]';
    await waitForExactText(s, `${figures} [data-testid="figure-delegates"]`, '2');
    await waitForExactText(s, `${figures} [data-testid="figure-meetings-planned"]`, '3');
    await waitForExactText(s, `${figures} [data-testid="figure-members"]`, '2');
    await waitForExactText(s, `${figures} [data-testid="figure-meetings-held"]`, '0');

    // The dashboard shows the mission under way and today's items there, with the same times.
    await dashboardLoaded(s);
    await s.waitForText('[data-testid="active-mission"]', MISSION);
    if (items.every((item) => item.date === ymdIn(TOKYO))) {
      const today = '[data-testid="today-agenda"] [data-testid="today-item"]';
      await s.waitFor(async () => (await s.findAll(today)).length === items.length, {
        what: `${items.length} items in today's agenda on the dashboard`,
      });
      const times = await textsOfCss(s, `${today} [data-testid="meeting-time"]`);
      assert.deepEqual(
        times,
        items.map((item) => dualTime(item.date, item.start, TOKYO, 'Osaka')),
        'the dashboard shows today’s items in Osaka and Rome time, in order',
      );
    }
  });
});

test('logging a meeting with a new contact and a follow-up using the keyboard only', async () => {
  await withApp('keyboard quick log', async (app, s) => {
    await useItalian(s);
    const mission = kansaiMission();
    const missionId = await createMission(s, mission);
    await addDelegate(s, HIT, LUCA);
    await addDelegate(s, CLUSTER, CHIARA);

    const first = 'Haruto';
    const last = 'Kiyomizu';
    const org = 'Nagase Biotech Osaka';
    const email = 'haruto.kiyomizu@example.jp';
    const title = 'Colloquio con Nagase Biotech';
    const notes = 'Interessati a una sperimentazione congiunta sui biomateriali.';
    const what = 'Inviare a Nagase il dossier sui biomateriali';
    const due = addDays(ymdIn(HOME), -5);

    // The dashboard knows the mission under way; Ctrl+L logs a meeting for it.
    await dashboardLoaded(s);
    await s.waitForText('[data-testid="active-mission"]', MISSION);
    await s.pressKeys(Keys.Control + 'l');
    await s.waitForTestId('log-form');
    await s.waitFor(async () => (await (await s.byTestId('log-mission')).property('value')) === missionId, {
      what: 'the quick log to be for the active mission',
    });
    // Its delegation is offered as the people present.
    await s.waitFor(async () => (await s.allByTestId('log-person')).length === 2, {
      what: 'the two delegates as the people present',
    });

    // Who: a contact that does not exist yet, created from what was typed.
    await waitForFocus(s, (f) => f.testid === 'log-contact-search', 'the contact search');
    await s.pressKeys(`${first} ${last}`);
    await s.waitForTestId('log-new-contact');
    assert.equal((await s.allByTestId('log-contact-option')).length, 0, 'no existing contact matches');
    await s.pressKeys(Keys.Enter);
    await waitForFocus(s, (f) => f.name === 'newOrganisationName', 'the new contact’s organisation');
    assert.equal(await (await s.find('[name="newFirstName"]')).property('value'), first);
    assert.equal(await (await s.find('[name="newLastName"]')).property('value'), last);
    await s.pressKeys(org + Keys.Tab + email);
    assert.equal(await (await s.find('[name="newOrganisationName"]')).property('value'), org);
    assert.equal(await (await s.find('[name="newEmail"]')).property('value'), email);

    // A delegate present, ticked with Space.
    await tabUntil(s, (f) => f.testid === 'log-person' && f.label.includes(LUCA), `the checkbox of ${LUCA}`);
    await s.pressKeys(' ');
    await waitForFocus(s, (f) => f.testid === 'log-person' && f.checked, `${LUCA} ticked`);

    // What and how: title, notes, interest with the arrow keys.
    await tabUntil(s, (f) => f.name === 'title', 'the title');
    await s.pressKeys(title);
    await tabUntil(s, (f) => f.name === 'notes', 'the notes');
    await s.pressKeys(notes);
    await tabUntil(s, (f) => f.name === 'interest', 'the interest');
    for (let i = 0; i < 4 && (await focusedInfo(s)).value !== 'warm'; i++) await s.pressKeys(Keys.ArrowDown);
    await waitForFocus(s, (f) => f.name === 'interest' && f.value === 'warm' && f.checked, 'the interest “warm”');

    // A follow-up already overdue, owned by Luca Moser.
    await tabUntil(s, (f) => f.name === 'followUpWhat', 'the follow-up');
    await s.pressKeys(what);
    await tabUntil(s, (f) => f.name === 'followUpOwner', 'the follow-up’s owner');
    await s.pressKeys('Luca');
    await waitForFocus(s, (f) => f.name === 'followUpOwner' && (f.selectedText ?? '').includes(LUCA), `${LUCA} as the owner`);
    await tabUntil(s, (f) => f.name === 'followUpDue', 'the follow-up’s due date');
    await s.pressKeys(await dateKeys(s, due));
    await waitForFocus(s, (f) => f.name === 'followUpDue' && f.value === due, `the due date ${due}`);

    assert.equal(await (await s.find('[data-testid="log-form"] [name="notes"]')).property('value'), notes);
    assert.equal(await (await s.find('[data-testid="log-form"] [name="title"]')).property('value'), title);

    await s.pressKeys(Keys.Control + Keys.Enter);
    await waitForLogSaved(s);

    // The new contact is found by the global search.
    await searchFor(s, `${first} ${last}`);
    await s.waitFor(
      async () => (await searchHits(s)).some((h) => h.kind === 'contact' && h.title.includes(`${first} ${last}`)),
      { what: `${first} ${last} as a contact hit` },
    );
    await searchFor(s, '');

    // The meeting is among the dashboard's recent meetings...
    await dashboardLoaded(s);
    await waitForRow(s, 'recent-meeting', title, { within: '[data-testid="recent-meetings"]' });
    // ...and its follow-up is overdue there.
    await waitForRow(s, 'follow-up-row', what, { within: '[data-testid="overdue-follow-ups"]' });

    // ...and in the mission's agenda, held, with who was there.
    await openMission(s, MISSION);
    const entry = await agendaEntry(s, title);
    assert.equal(await entry.attribute('data-status'), 'held', 'the logged meeting is held');
    const entryText = await entry.text();
    assert.ok(entryText.includes(LUCA), `the delegate ticked attended: ${entryText}`);
    assert.ok(entryText.includes(`${first} ${last}`), `the new contact attended: ${entryText}`);
    assert.ok(entryText.includes(notes), `the notes are on the agenda item: ${entryText}`);
    await waitForExactText(s, '[data-testid="figure-meetings-held"]', '1');
    await waitForExactText(s, '[data-testid="figure-open-follow-ups"]', '1');

    // The follow-up is listed as overdue.
    await go(s, 'follow-ups');
    const row = await waitForRow(s, 'follow-up-row', what, { within: '[data-testid="follow-ups-table"]' });
    assert.equal(await row.attribute('data-done'), 'false');
    assert.equal((await row.findAll('[data-testid="overdue-badge"]')).length, 1, 'the follow-up shows as overdue');
    const rowText = await row.text();
    assert.ok(rowText.includes(LUCA), `the owner is shown: ${rowText}`);
    assert.ok(rowText.includes(MISSION), `the mission is shown: ${rowText}`);
  });
});

test('marking an overdue follow-up done from the list takes it off the open list and the dashboard', async () => {
  await withApp('follow-up done', async (app, s) => {
    const what = 'Richiamare il referente di Nagase';
    const due = addDays(ymdIn(HOME), -3);

    // An overdue follow-up, logged with a meeting.
    await openQuickLog(s);
    const log = '[data-testid="log-form"]';
    await fill(s, 'title', 'Telefonata con Nagase', log);
    await fill(s, 'followUpWhat', what, log);
    await typeDate(s, 'followUpDue', due, log);
    await clickOn(s, await s.byTestId('log-save'));
    await waitForLogSaved(s);

    await dashboardLoaded(s);
    await waitForRow(s, 'follow-up-row', what, { within: '[data-testid="overdue-follow-ups"]' });

    await go(s, 'follow-ups');
    const table = '[data-testid="follow-ups-table"]';
    const row = await waitForRow(s, 'follow-up-row', what, { within: table });
    const id = await row.attribute('data-id');
    assert.equal(await row.attribute('data-done'), 'false');
    assert.equal((await row.findAll('[data-testid="overdue-badge"]')).length, 1, 'it shows as overdue');

    await clickOn(s, await row.find('[data-testid="follow-up-done"]'));
    const rowCss = `${table} [data-testid="follow-up-row"][data-id="${id}"]`;
    await s.waitFor(
      async () => {
        const rows = await s.findAll(rowCss);
        return rows.length === 0 || (await rows[0].attribute('data-done')) === 'true';
      },
      { what: 'the follow-up to show done (or leave the open list)' },
    );
    const rows = await s.findAll(rowCss);
    if (rows.length) {
      assert.equal((await rows[0].findAll('[data-testid="overdue-badge"]')).length, 0, 'a done follow-up is not overdue');
    }

    // The dashboard's overdue list no longer has it.
    await dashboardLoaded(s);
    await waitForNoRow(s, 'follow-up-row', what, { within: '[data-testid="overdue-follow-ups"]' });

    // The open list no longer has it; with the done ones, it is there, done.
    await go(s, 'follow-ups');
    await s.waitForTestId('follow-ups-include-done');
    await waitForNoRow(s, 'follow-up-row', what, { within: table });
    const includeDone = await s.byTestId('follow-ups-include-done');
    await clickOn(s, includeDone);
    await s.waitFor(() => includeDone.isSelected(), { what: 'the “with done ones” filter on' });
    const doneRow = await waitForRow(s, 'follow-up-row', what, { within: table });
    assert.equal(await doneRow.attribute('data-done'), 'true');
    assert.equal(await (await doneRow.find('[data-testid="follow-up-done"]')).isSelected(), true);
  });
});

test('a half-typed quick log survives closing the app', async () => {
  await withApp('quick log draft survives restart', async (app, s) => {
    const notes = 'Appunti a metà: il direttore R&D chiede i dati preclinici';

    await openQuickLog(s);
    const notesBox = await s.waitForElement('[data-testid="log-form"] [name="notes"]');
    await clickOn(s, notesBox);
    await notesBox.sendKeys(notes);
    await s.waitFor(async () => (await notesBox.property('value')) === notes, { what: 'the notes typed' });
    await sleep(1000); // the draft is saved 0.4 s after the last change

    const s2 = await app.restart();
    await openQuickLog(s2);
    await s2.waitForTestId('draft-restored');
    const restored = await s2.waitForElement('[data-testid="log-form"] [name="notes"]');
    await s2.waitFor(async () => (await restored.property('value')) === notes, {
      what: 'the notes restored from the draft',
    });
  });
});

// WebKit's date field is typed part by part, so while the year is typed the start date passes
// through 0002, 0020, 0202… The end date, which follows the start, must not be dragged through
// those impossible dates (it once was, and the item could not be saved).
test(
  'typing an agenda item’s start date keeps its end date on the same day, and the item saves',
  async () => {
    await withApp('typing an agenda item start date', async (app, s) => {
      await openMission(s, 'Japan Health Expo 2025');
      await clickOn(s, await s.waitForTestId('agenda-add'));
      const scope = '[data-testid="agenda-item-form"]';
      const title = 'Incontro aggiunto a tastiera';
      await fill(s, 'title', title, scope);
      const proposed = await (await s.waitForElement(`${scope} [name="startsDate"]`)).property('value');
      const day = addDays(proposed, 1);
      await typeDate(s, 'startsDate', day, scope);
      await clickOn(s, await s.find(`${scope} [data-testid="save"]`));
      await waitForFormClosed(s, 'agenda-item-form', 'the agenda item to be saved');
      const entry = await agendaEntry(s, title);
      assert.equal(
        await s.execute('return arguments[0].closest("[data-testid=agenda-day]").getAttribute("data-day");', [entry]),
        day,
        'the item is on the day typed',
      );
    });
  },
);
