#!/usr/bin/env node
// Checks self-contained HTML reports for accessibility: opens each file (file:// URL) in
// one headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), runs
// axe-core with the WCAG 2.0/2.1 A and AA rules, and fails on any violation, any load
// error, and any attempt to fetch something that is not file: or data: (a report must be
// self-contained: nothing may come from the network). The request is stopped before it
// leaves the browser.
//
// Usage: axe-check.js [--incomplete] FILE.html|DIR...
//   A DIR stands for the *.html files directly in it (an empty DIR is an error).
//   --incomplete  also lists what axe could not decide ("needs review"); never fails.
// Prints one line per violation, "file: rule-id (impact): help — selector, selector", and
// "N files, no violations" when all pass. Exit: 0 clean, 1 violations or load errors,
// 2 usage error or no browser.
// Environment: CHROMIUM (default /usr/bin/chromium); AXE_CHECK_NODE_MODULES, the
// node_modules folder holding axe-core and playwright-core when it is not beside this file
// (the CTest fixture installs it in <build>/a11y/node_modules; see cmake/A11y.cmake).
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { createRequire } = require('module');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MAX_TARGETS = 10;  // selectors printed per violation; the rest are counted
const LOAD_TIMEOUT_MS = 30000;

function usage(message) {
    if (message) console.error(`axe-check: ${message}`);
    console.error('usage: axe-check.js [--incomplete] FILE.html|DIR...');
    process.exit(2);
}

function inputFiles(args) {
    const files = [];
    for (const arg of args) {
        let stat = null;
        try { stat = fs.statSync(arg); } catch (e) { /* reported below as a load error */ }
        if (stat && stat.isDirectory()) {
            const pages = fs.readdirSync(arg).filter((n) => /\.html?$/i.test(n)).sort();
            if (pages.length === 0) usage(`no .html file in ${arg}`);
            for (const name of pages) files.push(path.join(arg, name));
        } else {
            files.push(arg);  // a missing file fails as a load error, in its turn
        }
    }
    return files;
}

// What the page asked for that a self-contained report must not: anything but the page's
// own file: URL space and data: URLs (blob: and about: are the page's own memory).
function isOutside(url) {
    return !/^(file|data|blob|about):/i.test(url);
}

function targetText(target) {
    // A target is a selector, or an array of them down through iframes and shadow roots.
    return Array.isArray(target) ? target.map(targetText).join(' >>> ') : String(target);
}

function nodesText(nodes) {
    const targets = nodes.map((n) => targetText(n.target));
    const shown = targets.slice(0, MAX_TARGETS).join(', ');
    return targets.length > MAX_TARGETS ? `${shown}, … (${targets.length - MAX_TARGETS} more)` : shown;
}

async function checkFile(browser, file, axeSource, options) {
    const problems = [];  // lines to print; each one fails the file
    const notes = [];
    if (!fs.existsSync(file)) return { problems: [`${file}: load error: no such file`], notes };

    const context = await browser.newContext({ serviceWorkers: 'block', javaScriptEnabled: true });
    try {
        const outside = new Set();
        const page = await context.newPage();
        await context.route('**/*', (route) => {
            const url = route.request().url();
            if (isOutside(url)) {
                outside.add(url);
                return route.abort('blockedbyclient');
            }
            return route.continue();
        });
        page.on('request', (request) => { if (isOutside(request.url())) outside.add(request.url()); });
        page.on('websocket', (ws) => outside.add(ws.url()));
        page.on('pageerror', (error) => problems.push(`${file}: load error: script error: ${error.message}`));
        page.on('requestfailed', (request) => {
            const url = request.url();
            if (!isOutside(url)) problems.push(`${file}: load error: ${url}: ${request.failure().errorText}`);
        });

        const url = pathToFileURL(path.resolve(file)).href;
        let loaded = true;
        try {
            await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
        } catch (e) {
            problems.push(`${file}: load error: ${e.message.split('\n')[0]}`);
            loaded = false;
        }
        if (loaded) await runAxe(page, file, axeSource, options, problems, notes);
        // Whatever was asked for, while loading or while axe ran.
        for (const u of outside) problems.push(`${file}: outside resource (a report must be self-contained): ${u}`);
    } finally {
        await context.close();
    }
    return { problems, notes };
}

async function runAxe(page, file, axeSource, options, problems, notes) {
    await page.evaluate(axeSource);
    const results = await page.evaluate(
        (runOptions) => window.axe.run(document, runOptions),
        { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations', 'incomplete'] });
    for (const v of results.violations) {
        problems.push(`${file}: ${v.id} (${v.impact || 'no impact given'}): ${v.help} — ${nodesText(v.nodes)}`);
    }
    if (options.incomplete) {
        for (const v of results.incomplete) {
            notes.push(`${file}: needs review: ${v.id}: ${v.help} — ${nodesText(v.nodes)}`);
        }
    }
}

async function main() {
    const args = process.argv.slice(2);
    const options = { incomplete: false };
    const paths = [];
    for (const a of args) {
        if (a === '--incomplete') options.incomplete = true;
        else if (a === '-h' || a === '--help') usage();
        else if (a.startsWith('--')) usage(`unknown option ${a}`);
        else paths.push(a);
    }
    if (paths.length === 0) usage('no file given');
    const files = inputFiles(paths);

    let chromium, axeSource;
    const modules = process.env.AXE_CHECK_NODE_MODULES;
    // Resolving from a file inside that folder looks in the folder itself first.
    const load = modules ? createRequire(path.join(path.resolve(modules), 'axe-check.js')) : require;
    try {
        ({ chromium } = load('playwright-core'));
        axeSource = fs.readFileSync(load.resolve('axe-core/axe.min.js'), 'utf8');
    } catch (e) {
        console.error(`axe-check: ${e.message.split('\n')[0]}`);
        console.error('axe-check: run `npm ci` in tests/a11y, or set AXE_CHECK_NODE_MODULES to a node_modules holding axe-core and playwright-core');
        process.exit(2);
    }
    const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
    let browser;
    try {
        browser = await chromium.launch({
            executablePath,
            headless: true,
            chromiumSandbox: false,  // --no-sandbox: the tests run as root
            args: [
                '--no-sandbox',
                '--disable-dev-shm-usage',
                // Belt and braces beside the request interception: no name resolves.
                '--host-resolver-rules=MAP * ~NOTFOUND',
                '--no-pings',
                '--disable-background-networking',
                '--disable-component-update',
            ],
        });
    } catch (e) {
        console.error(`axe-check: cannot start ${executablePath}: ${e.message.split('\n')[0]}`);
        process.exit(2);
    }

    let failed = 0, problemCount = 0;
    try {
        for (const file of files) {
            const { problems, notes } = await checkFile(browser, file, axeSource, options);
            for (const line of problems) console.log(line);
            for (const line of notes) console.log(line);
            if (problems.length) { failed++; problemCount += problems.length; }
        }
    } finally {
        await browser.close();
    }
    const n = `${files.length} file${files.length === 1 ? '' : 's'}`;
    if (failed === 0) {
        console.log(`${n}, no violations`);
        return 0;
    }
    console.log(`${n}, ${failed} failed: ${problemCount} violation${problemCount === 1 ? '' : 's'} or load error${problemCount === 1 ? '' : 's'}`);
    return 1;
}

main().then((code) => process.exit(code), (e) => {
    console.error(`axe-check: ${e.stack || e}`);
    process.exit(2);
});
