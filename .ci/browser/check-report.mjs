// Opens an slens HTML report in headless Chromium, checks that the filters hide and show the
// right rows, that the page works without JavaScript, and that no console error, uncaught
// exception or Content-Security-Policy violation occurs; then saves a screenshot.
//
// It speaks the Chrome DevTools Protocol over --remote-debugging-pipe (file descriptors 3 and
// 4, messages ended by a NUL byte), so it needs no npm package, only Node.js 18 or newer.
//
// Usage: node check-report.mjs CHROMIUM REPORT.html SCREENSHOT.png
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [browserPath, reportPath, screenshotPath] = process.argv.slice(2);
if (!screenshotPath) {
  console.error('usage: node check-report.mjs CHROMIUM REPORT.html SCREENSHOT.png');
  process.exit(2);
}
const TIMEOUT_MS = 60_000;
const profile = mkdtempSync(join(tmpdir(), 'slens-chromium-'));
const args = ['--headless=new', '--remote-debugging-pipe', '--disable-gpu',
  '--no-first-run', '--no-default-browser-check', '--disable-extensions',
  '--disable-background-networking', `--user-data-dir=${profile}`, 'about:blank'];
// Chromium refuses to start its sandbox as root, which is how CI containers run.
if (process.getuid && process.getuid() === 0) {
  args.unshift('--no-sandbox');
}
const browser = spawn(browserPath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let browserLog = '';
browser.stderr.on('data', (chunk) => { browserLog += chunk; });

const pending = new Map();
const listeners = [];
let nextId = 1;
let buffer = '';
browser.stdio[4].on('data', (chunk) => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id && pending.has(message.id)) {
      const { resolve: done, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) {
        reject(new Error(`${method} failed: ${message.error.message}`));
      } else {
        done(message.result);
      }
    } else if (message.method) {
      listeners.forEach((listener) => listener(message));
    }
  }
});

function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) {
    message.sessionId = sessionId;
  }
  browser.stdio[3].write(JSON.stringify(message) + '\0');
  return new Promise((done, reject) => pending.set(id, { resolve: done, reject, method }));
}

function waitFor(method, sessionId) {
  return new Promise((done) => {
    listeners.push(function listener(message) {
      if (message.method === method && message.sessionId === sessionId) {
        listeners.splice(listeners.indexOf(listener), 1);
        done(message.params);
      }
    });
  });
}

const problems = [];
const failures = [];
function check(condition, description) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${description}`);
  if (!condition) {
    failures.push(description);
  }
}

async function evaluate(session, expression) {
  const { result, exceptionDetails } = await send('Runtime.evaluate',
    { expression, returnByValue: true, awaitPromise: true }, session);
  if (exceptionDetails) {
    throw new Error(`page script failed: ${exceptionDetails.exception?.description
      || exceptionDetails.text}`);
  }
  return result.value;
}

async function open(session, url) {
  const loaded = waitFor('Page.loadEventFired', session);
  await send('Page.navigate', { url }, session);
  await loaded;
}

// Chooses a value in one filter and returns how the rows react.
const FILTER = (name, value) => `(() => {
  const form = document.getElementById('filters');
  form.reset();
  const select = form.elements.namedItem(${JSON.stringify(name)});
  select.value = ${JSON.stringify(value)};
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const rows = [...document.querySelectorAll('#findings tbody tr.finding')];
  const visible = rows.filter((row) => !row.hidden && getComputedStyle(row).display !== 'none');
  return {
    total: rows.length,
    expected: rows.filter((row) => row.dataset[${JSON.stringify(name)}] === select.value).length,
    visible: visible.length,
    allMatch: visible.every((row) => row.dataset[${JSON.stringify(name)}] === select.value),
    status: document.getElementById('shown').textContent,
  };
})()`;

async function checkFilters(session) {
  const state = await evaluate(session, `(() => {
    const form = document.getElementById('filters');
    const rows = document.querySelectorAll('#findings tbody tr.finding');
    const options = {};
    for (const name of ['pillar', 'severity', 'rule', 'file']) {
      options[name] = [...form.elements.namedItem(name).options].map((o) => o.value)
        .filter((v) => v !== '');
    }
    return { formShown: !form.hidden, rows: rows.length, options,
      status: document.getElementById('shown').textContent };
  })()`);
  check(state.formShown, 'the filter form is shown when JavaScript runs');
  check(state.rows > 1, `the findings table has rows (${state.rows})`);
  check(state.status === `Showing all ${state.rows} findings`, `status reads "${state.status}"`);
  for (const [name, values] of Object.entries(state.options)) {
    check(values.length > 0, `filter "${name}" offers values (${values.join(', ')})`);
    for (const value of values) {
      const outcome = await evaluate(session, FILTER(name, value));
      check(outcome.visible === outcome.expected && outcome.allMatch && outcome.expected > 0,
        `${name}=${value} shows exactly its ${outcome.expected} of ${outcome.total} rows`);
    }
  }
  const reset = await evaluate(session, `(() => {
    document.getElementById('filters').querySelector('button[type=reset]').click();
    return new Promise((done) => setTimeout(() => done([...document
      .querySelectorAll('#findings tbody tr.finding')].filter((row) => row.hidden).length), 50));
  })()`);
  check(reset === 0, '"Show all" shows every row again');
}

async function main() {
  const url = pathToFileURL(resolve(reportPath)).href;
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId: session } = await send('Target.attachToTarget', { targetId, flatten: true });
  listeners.push((message) => {
    const params = message.params || {};
    if (message.method === 'Runtime.consoleAPICalled'
        && ['error', 'assert'].includes(params.type)) {
      problems.push(`console.${params.type}: ${params.args.map((a) => a.value ?? a.description)
        .join(' ')}`);
    } else if (message.method === 'Runtime.exceptionThrown') {
      problems.push(`uncaught exception: ${params.exceptionDetails.exception?.description
        || params.exceptionDetails.text}`);
    } else if (message.method === 'Log.entryAdded' && params.entry.level === 'error') {
      problems.push(`browser error: ${params.entry.text}`);
    }
  });
  await send('Page.enable', {}, session);
  await send('Runtime.enable', {}, session);
  await send('Log.enable', {}, session);
  await send('Emulation.setDeviceMetricsOverride',
    { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, session);

  await send('Emulation.setScriptExecutionDisabled', { value: true }, session);
  await open(session, url);
  const plain = await evaluate(session, `({
    formHidden: document.getElementById('filters').hidden,
    hiddenRows: [...document.querySelectorAll('#findings tbody tr')].filter((r) => r.hidden).length,
  })`);
  check(plain.formHidden && plain.hiddenRows === 0,
    'without JavaScript the filters stay hidden and every finding is shown');
  await send('Emulation.setScriptExecutionDisabled', { value: false }, session);

  await open(session, url);
  await checkFilters(session);
  await evaluate(session, `(() => {
    document.getElementById('filters').reset();
    document.getElementById('filters').dispatchEvent(new Event('change'));
    const first = document.querySelector('#findings details');
    if (first) { first.open = true; }
    return true;
  })()`);
  const { contentSize } = await send('Page.getLayoutMetrics', {}, session);
  const height = Math.min(Math.ceil(contentSize.height), 6000);
  const shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true,
    clip: { x: 0, y: 0, width: 1280, height, scale: 1 } }, session);
  writeFileSync(screenshotPath, Buffer.from(shot.data, 'base64'));
  console.log(`screenshot: ${screenshotPath} (1280x${height})`);

  check(problems.length === 0, 'no console error, exception or policy violation'
    + (problems.length ? `:\n  ${problems.join('\n  ')}` : ''));
}

const timer = setTimeout(() => {
  console.error(`check-report: timed out after ${TIMEOUT_MS / 1000} s; Chromium stderr:\n`
    + browserLog);
  browser.kill('SIGKILL');
  process.exit(1);
}, TIMEOUT_MS);

let closing = false;
browser.on('exit', (code) => {
  if (!closing && pending.size > 0) {
    console.error(`check-report: Chromium exited with code ${code}; its stderr:\n${browserLog}`);
    process.exit(1);
  }
});

try {
  await main();
} catch (error) {
  failures.push(error.message);
  console.error(`check-report: ${error.message}`);
} finally {
  clearTimeout(timer);
  closing = true;
  if (browser.exitCode === null) {
    const exited = new Promise((done) => browser.once('exit', done));
    browser.stdio[3].write(JSON.stringify({ id: nextId++, method: 'Browser.close' }) + '\0');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (browser.exitCode === null) {
      browser.kill('SIGKILL');
    }
  }
  rmSync(profile, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`check-report: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('check-report: all checks passed');
