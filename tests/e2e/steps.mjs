// Steps shared by the end-to-end tests: what a user does with the window, as WebDriver calls.

/** Clicks a sidebar entry and waits for its screen's heading. */
export async function go(s, section) {
  await (await s.waitForTestId(`nav-${section}`)).click();
  if (section !== 'dashboard') {
    await s.waitFor(async () => (await s.url()).includes(`#/${section}`), { what: `the ${section} screen` });
  }
  return s.waitForTestId('page-title');
}

/** Text of every element matching css (in document order). */
export function textsOfCss(s, css) {
  return s.execute('return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText.trim());', [css]);
}

/** Waits for an element (by test id, inside `within`) whose text contains `text`, and returns it. */
export async function waitForRow(s, rowTestId, text, { within = '', ...opts } = {}) {
  const css = `${within} [data-testid="${rowTestId}"]`.trim();
  return s.waitFor(
    async () => {
      for (const row of await s.findAll(css)) {
        if ((await row.text()).includes(text)) return row;
      }
      return null;
    },
    { what: `a ${rowTestId} showing "${text}"${within ? ` in ${within}` : ''}`, ...opts },
  );
}

/** Waits until no element (by test id, inside `within`) contains `text`. */
export async function waitForNoRow(s, rowTestId, text, { within = '' } = {}) {
  const css = `${within} [data-testid="${rowTestId}"]`.trim();
  await s.waitFor(async () => !(await textsOfCss(s, css)).some((t) => t.includes(text)), {
    what: `no ${rowTestId} showing "${text}"${within ? ` in ${within}` : ''}`,
  });
}

/**
 * Clicks a table row as a user does, on its first cell (WebKitWebDriver refuses clicks on a <tr>
 * itself as "element not interactable").
 */
export async function clickRow(row) {
  await (await row.find('td')).click();
}

/** Types into the input named `name` inside `scope` (replacing what it holds). */
export async function fill(s, name, value, scope = 'form') {
  const input = await s.waitForElement(`${scope} [name="${name}"]`);
  await scrollIntoView(s, input);
  await input.clearByKeys();
  if (value !== '') await input.sendKeys(value);
  await s.waitFor(async () => (await input.property('value')) === value, {
    what: `input ${name} to hold ${JSON.stringify(value)}`,
    timeout: 3000,
  });
  return input;
}

/** Scrolls the element to the middle of the screen (as a user does before clicking it). */
export function scrollIntoView(s, el) {
  return s.execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });", [el]);
}

/**
 * Scrolls to the element, then clicks it. WebKitWebDriver does not always bring an element of a
 * long page (the scrolling main area) into view before clicking, and refuses the click then.
 */
export async function clickOn(s, el) {
  await scrollIntoView(s, el);
  await el.click();
  return el;
}

/** Picks an option of the <select name=...> inside `scope` by its value, as a user would (clicking it). */
export async function pick(s, name, value, scope = 'form') {
  const css = `${scope} [name="${name}"]`.trim();
  const select = await s.waitForElement(css);
  await clickOn(s, select); // WebKitWebDriver does not scroll a <select> into view by itself
  await (await s.find(`${css} option[value="${value}"]`)).click();
  await s.waitFor(async () => (await select.property('value')) === value, {
    what: `select ${name} to hold ${value}`,
  });
}

/** The search hits on screen as {kind, id, title}. */
export function searchHits(s) {
  return s.execute(
    `return Array.from(document.querySelectorAll('[data-testid="search-hit"]')).map(e => ({
       kind: e.getAttribute('data-kind'), id: e.getAttribute('data-id'),
       title: (e.querySelector('.hit-title') || e).innerText.trim() }));`,
  );
}

export async function searchFor(s, text) {
  const box = await s.waitForTestId('global-search');
  await box.clearByKeys();
  if (text !== '') await box.sendKeys(text);
  await s.waitFor(async () => (await box.property('value')) === text, {
    what: `the search box to hold ${JSON.stringify(text)}`,
    timeout: 3000,
  });
  return box;
}
