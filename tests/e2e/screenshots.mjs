// Takes screenshots of a few screens of the real app on a new demo workspace, to look at.
// Usage (with a display and tauri-driver, as for the tests):
//   node tests/e2e/screenshots.mjs [output dir]     (default: tests/e2e/artifacts/screens)

import { join, resolve } from 'node:path';
import { App, ARTIFACTS } from './harness.mjs';
import { sleep } from './webdriver.mjs';

const out = resolve(process.argv[2] || join(ARTIFACTS, 'screens'));
const app = new App();
const saved = [];
try {
  await app.start();
  const s = app.session;
  await (await s.waitForTestId('nav-dashboard')).click();
  await s.waitFor(async () => (await s.screenText()).includes('Japan Health Expo'), { what: 'the dashboard' });
  await sleep(300);
  saved.push(await app.screenshot(join(out, 'dashboard.png')));

  await (await s.waitForTestId('nav-contacts')).click();
  const row = await s.waitFor(
    async () => {
      for (const r of await s.allByTestId('contact-row')) if ((await r.text()).includes('Michael Rossi')) return r;
      return null;
    },
    { what: 'the Michael Rossi row' },
  );
  await (await row.find('td')).click();
  await s.waitForText('[data-testid="detail-title"]', 'Michael Rossi');
  await sleep(300);
  saved.push(await app.screenshot(join(out, 'contact-detail.png')));

  // Every other screen of the sidebar, as it first opens.
  for (const screen of ['missions', 'follow-ups', 'contacts', 'organisations', 'members', 'import', 'settings']) {
    await (await s.waitForTestId(`nav-${screen}`)).click();
    await sleep(800);
    saved.push(await app.screenshot(join(out, `${screen}.png`)));
  }
  await (await s.waitForTestId('nav-missions')).click();
  const mission = await s.waitFor(async () => (await s.allByTestId('mission-row'))[0], { what: 'a mission row' });
  await (await mission.find('td')).click();
  await sleep(800);
  saved.push(await app.screenshot(join(out, 'mission-detail.png')));
  for (const [screen, rows] of [['members', 'member-row'], ['organisations', 'organisation-row']]) {
    await (await s.waitForTestId(`nav-${screen}`)).click();
    const first = await s.waitFor(async () => (await s.allByTestId(rows))[0], { what: `a row of ${screen}` });
    await (await first.find('td')).click();
    await sleep(800);
    saved.push(await app.screenshot(join(out, `${screen}-detail.png`)));
  }
} finally {
  await app.stop();
}
for (const p of saved) console.log(p);
