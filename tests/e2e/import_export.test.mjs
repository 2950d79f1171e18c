// End-to-end tests of importing and exporting in the real window. The native file dialogs are
// answered through PONTE_OPEN_FILE / PONTE_EXPORT_DIR (a WebDriver cannot click a GTK dialog);
// everything else is clicked as a user does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { withApp } from './harness.mjs';
import { clickOn } from './steps.mjs';

/** Writes an XLSX with openpyxl (an independent writer): one new person and one already known. */
function participantsWorkbook() {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-e2e-xlsx-'));
  const file = join(dir, 'partecipanti-osaka.xlsx');
  const script = `
import sys, openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Partecipanti"
ws.append(["Nome", "Cognome", "Azienda", "E-mail", "Ruolo"])
ws.append(["Keiko", "Fujita", "Kyoto Bio Ventures", "k.fujita@example.jp", "CEO"])
ws.append(["Michael", "Rossi", "Mass General Brigham", "Michael.Rossi+expo@example.com", "Innovation office"])
wb.save(sys.argv[1])
`;
  execFileSync('python3', ['-c', script, file]);
  return file;
}

/**
 * Opens the app on a new workspace, goes to Import and picks `file` as the dialog would; then
 * removes the folder the file was written in.
 */
async function withPickedFile(file, name, body) {
  process.env.PONTE_OPEN_FILE = file;
  try {
    await withApp(name, async (app, s) => {
      await (await s.waitForTestId('nav-import')).click();
      await (await s.waitForTestId('import-pick')).click();
      await body(app, s);
    });
  } finally {
    delete process.env.PONTE_OPEN_FILE;
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

/**
 * Waits until the wizard has brought `step` into view and focused its heading, which it does a
 * frame after showing it: a click sent before that frame lands where the button was before the
 * scroll, and is lost.
 */
function stepInView(s, step) {
  return s.waitFor(async () => (await s.execute('return document.activeElement && document.activeElement.id;')) === `import-step-${step}-title`, {
    what: `the ${step} step in view`,
  });
}

/** Clicks `testid` once it is enabled: the wizard disables its buttons while it works. */
async function clickWhenEnabled(s, testid) {
  const button = await s.waitForTestId(testid);
  await s.waitFor(async () => (await button.property('disabled')) === false, { what: `${testid} enabled` });
  await button.click();
}

async function searchTitles(s, text) {
  const box = await s.waitForTestId('global-search');
  await box.clearByKeys();
  await box.sendKeys(text);
  await new Promise((r) => setTimeout(r, 400));
  return s.execute(
    'return Array.from(document.querySelectorAll("[data-testid=search-hit]")).map(e => e.innerText);',
  );
}

test('importing a workbook with a duplicate: the duplicate is skipped, the new contact is found, undo removes it', async () => {
  await withPickedFile(participantsWorkbook(), 'import with duplicate and undo', async (app, s) => {
    // The mapping is suggested from the Italian headers.
    await s.waitFor(async () => (await s.allByTestId('mapping-row')).length === 5, { what: 'five mapped columns' });
    await stepInView(s, 'mapping');
    await clickWhenEnabled(s, 'import-preview');
    await s.waitFor(async () => (await s.allByTestId('preview-row')).length === 2, { what: 'two preview rows' });
    await stepInView(s, 'preview');
    const rows = await s.allByTestId('preview-row');
    const dupRow = rows[1];
    assert.match(await dupRow.text(), /Rossi/);
    // The e-mail matches Michael Rossi's once case and +tag are ignored.
    await dupRow.find('[data-testid="row-duplicate"]');
    const select = await dupRow.find('select[name="decision"]');
    // At the window's usual width the whole duplicate choice is in view: not cut off by the
    // preview's edge, nothing to scroll sideways.
    const fits = await s.execute(
      'const sel = document.querySelector("[data-testid=preview-row] select[name=decision]");' +
        'const wrap = sel.closest(".table-wrap");' +
        'return sel.getBoundingClientRect().right <= wrap.getBoundingClientRect().right && wrap.scrollWidth <= wrap.clientWidth;',
    );
    assert.equal(fits, true, 'the duplicate choice fits in the preview');
    await clickOn(s, select);
    await (await dupRow.find('select[name="decision"] option[value="skip"]')).click();
    await s.waitFor(async () => (await select.property('value')) === 'skip', { what: 'the skip decision' });
    // The decision is previewed again; Import is enabled once that is done.
    await clickWhenEnabled(s, 'import-commit');
    const summary = await s.waitForTestId('import-summary', { timeout: 15000 });
    await s.waitFor(async () => /1/.test(await (await s.byTestId('summary-created')).text()), { what: '1 created' });
    assert.match(await (await s.byTestId('summary-skipped')).text(), /1/);
    assert.ok(summary);

    assert.ok((await searchTitles(s, 'fujita')).some((t) => t.includes('Keiko Fujita')), 'the new contact is found');
    const rossi = await searchTitles(s, 'michael rossi');
    assert.equal(rossi.filter((t) => t.includes('Michael Rossi')).length, 1, 'no second Michael Rossi');

    // Undo from the history.
    await (await s.waitForTestId('nav-import')).click();
    const batch = await s.waitForTestId('import-batch');
    await (await batch.find('[data-testid="import-undo"]')).click();
    await (await s.waitForTestId('confirm-delete')).click();
    await s.waitFor(async () => (await (await s.byTestId('import-batch')).attribute('data-undone')) === 'true', {
      what: 'the batch marked undone',
    });
    await s.waitFor(async () => (await searchTitles(s, 'fujita')).length === 0, { what: 'Fujita gone after undo' });
  });
});

/**
 * Writes an OpenDocument sheet of a few hundred bytes whose one cell states two billion spaces
 * (`<text:s text:c=…>`): what a damaged or hostile file can ask of the spreadsheet reader.
 */
function floodingSheet() {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-e2e-ods-'));
  const file = join(dir, 'partecipanti-kyoto.ods');
  const script = `
import sys, zipfile
ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
cell = lambda p: '<table:table-cell office:value-type="string"><text:p>' + p + '</text:p></table:table-cell>'
rows = '<table:table-row>' + cell('Nome') + cell('Cognome') + '</table:table-row><table:table-row>' + cell('Keiko') + cell('Fujita<text:s text:c="2000000000"/>') + '</table:table-row>'
content = '<?xml version="1.0" encoding="UTF-8"?><office:document-content ' + ns + ' office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Foglio1">' + rows + '</table:table></office:spreadsheet></office:body></office:document-content>'
manifest = '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet')
    z.writestr('META-INF/manifest.xml', manifest)
    z.writestr('content.xml', content)
`;
  execFileSync('python3', ['-c', script, file]);
  return file;
}

test('a small sheet that states gigabytes of text is refused by name, and nothing is imported', async () => {
  await withPickedFile(floodingSheet(), 'import refused: too large', async (app, s) => {
    const message = await s.waitFor(
      async () => (await s.screenText()).split('\n').find((l) => l.includes('partecipanti-kyoto.ods') && /più dati di quanti Ponte|more than Ponte can import/.test(l)),
      { what: 'the refusal naming the file' },
    );
    assert.match(message, /dividilo in file più piccoli|split it into smaller files/);
    // The wizard stays on the file step, nothing is in the history, and the app still answers.
    assert.equal((await s.allByTestId('mapping-row')).length, 0);
    assert.equal((await s.allByTestId('import-batch')).length, 0);
    assert.equal((await searchTitles(s, 'fujita')).length, 0);
  });
});

test('a mission’s contacts export to XLSX through the save path, and its report opens', async () => {
  const out = mkdtempSync(join(tmpdir(), 'ponte-e2e-export-'));
  process.env.PONTE_EXPORT_DIR = out;
  try {
    await withApp('export mission contacts and report', async (app, s) => {
      await (await s.waitForTestId('nav-missions')).click();
      const row = await s.waitFor(async () => {
        for (const r of await s.allByTestId('mission-row')) if ((await r.text()).includes('Japan Health Expo')) return r;
        return null;
      }, { what: 'the Osaka mission row' });
      await (await row.find('td')).click();
      await (await s.waitForTestId('export-mission-contacts')).click();
      await s.waitForTestId('export-dialog');
      await (await s.waitForElement('input[name="format"][value="xlsx"]')).click();
      await (await s.waitForTestId('export-run')).click();
      await s.waitFor(async () => (await (await s.byTestId('notice')).text()).includes('.xlsx'), { what: 'the saved notice' });
      const file = join(out, 'japan-health-expo-2025-osaka-contacts.xlsx');
      assert.ok(existsSync(file), `expected ${file}; folder has ${readdirSync(out)}`);
      // An independent reader sees the contacts, and not a single formula.
      const check = execFileSync('python3', ['-c', `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
values = [c.value for row in ws.iter_rows() for c in row]
assert not any(isinstance(v, str) and v.startswith("=") for v in values)
print(ws.max_row - 1)
`, file]).toString().trim();
      assert.equal(check, '9', 'nine contacts met in Osaka');

      await (await s.waitForTestId('mission-report')).click();
      await s.waitFor(async () => (await s.url()).includes('/report'), { what: 'the report route' });
      await s.waitForText('[data-testid="page-title"]', 'Japan Health Expo 2025');
      await s.waitForTestId('report-figure-meetingsHeld');
      await s.waitFor(async () => (await s.findAll('[data-testid^="chart-"] svg, svg[data-testid^="chart-"]')).length > 0, {
        what: 'an SVG chart in the report',
      });
    });
  } finally {
    delete process.env.PONTE_EXPORT_DIR;
    rmSync(out, { recursive: true, force: true });
  }
});
