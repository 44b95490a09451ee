#!/usr/bin/env node
// Checks self-contained HTML reports for accessibility: opens each file (file:// URL) in
// one headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), runs
// axe-core with the WCAG 2.0/2.1 A and AA rules, and fails on any violation, any load
// error, and any attempt to fetch something that is not file: or data: (a report must be
// self-contained: nothing may come from the network). The request is stopped before it
// leaves the browser.
//
// Usage: axe-check.js [--incomplete] [--timing] FILE.html|DIR...
//   A DIR stands for the *.html files directly in it (an empty DIR is an error).
//   --incomplete  also lists what axe could not decide ("needs review"); never fails.
//   --timing      prints the browser's start and each file's check in ms, on stderr.
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
    console.error('usage: axe-check.js [--incomplete] [--timing] FILE.html|DIR...');
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

// One context and one page for every file: a fresh renderer per file would cost more than
// the check itself. axe is loaded from its file: URL, which Chromium keeps compiled across
// pages; bypassCSP lets it in even where a report forbids scripts with a CSP <meta>.
class Checker {
    constructor(context, axeUrl, options) {
        this.context = context;
        this.axeUrl = axeUrl;
        this.options = options;
        this.current = null;  // { file, problems, outside } of the file being checked
        this.page = null;
    }

    async start() {
        await this.context.route('**/*', (route) => {
            const url = route.request().url();
            if (isOutside(url)) {
                if (this.current) this.current.outside.add(url);
                return route.abort('blockedbyclient');
            }
            return route.continue();
        });
        await this.newPage();
    }

    async newPage() {
        if (this.page) await this.page.close().catch(() => {});
        const page = await this.context.newPage();
        const cur = () => this.current;
        page.on('request', (request) => { if (cur() && isOutside(request.url())) cur().outside.add(request.url()); });
        page.on('websocket', (ws) => { if (cur()) cur().outside.add(ws.url()); });
        page.on('pageerror', (error) => {
            if (cur()) cur().problems.push(`${cur().file}: load error: script error: ${error.message}`);
        });
        page.on('requestfailed', (request) => {
            const url = request.url();
            if (cur() && !isOutside(url)) cur().problems.push(`${cur().file}: load error: ${url}: ${request.failure().errorText}`);
        });
        this.page = page;
    }

    async check(file) {
        const notes = [];
        if (!fs.existsSync(file)) return { problems: [`${file}: load error: no such file`], notes };
        const current = { file, problems: [], outside: new Set() };
        this.current = current;
        try {
            await this.page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
            await this.runAxe(file, current.problems, notes);
        } catch (e) {
            current.problems.push(`${file}: load error: ${e.message.split('\n')[0]}`);
            await this.newPage();  // whatever state that page was left in
        }
        // Leave the page, so that nothing it still asks for is put down to the next file.
        await this.page.goto('about:blank').catch(() => {});
        this.current = null;
        for (const u of current.outside) current.problems.push(`${file}: outside resource (a report must be self-contained): ${u}`);
        return { problems: current.problems, notes };
    }

    async runAxe(file, problems, notes) {
        await this.page.addScriptTag({ url: this.axeUrl });
        const results = await this.page.evaluate(
            (runOptions) => window.axe.run(document, runOptions),
            { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations', 'incomplete'] });
        for (const v of results.violations) {
            problems.push(`${file}: ${v.id} (${v.impact || 'no impact given'}): ${v.help} — ${nodesText(v.nodes)}`);
        }
        if (this.options.incomplete) {
            for (const v of results.incomplete) {
                notes.push(`${file}: needs review: ${v.id}: ${v.help} — ${nodesText(v.nodes)}`);
            }
        }
    }
}

async function main() {
    const args = process.argv.slice(2);
    const options = { incomplete: false, timing: false };
    const paths = [];
    for (const a of args) {
        if (a === '--incomplete') options.incomplete = true;
        else if (a === '--timing') options.timing = true;
        else if (a === '-h' || a === '--help') usage();
        else if (a.startsWith('--')) usage(`unknown option ${a}`);
        else paths.push(a);
    }
    if (paths.length === 0) usage('no file given');
    const files = inputFiles(paths);

    let chromium, axeUrl;
    const modules = process.env.AXE_CHECK_NODE_MODULES;
    // Resolving from a file inside that folder looks in the folder itself first.
    const load = modules ? createRequire(path.join(path.resolve(modules), 'axe-check.js')) : require;
    try {
        ({ chromium } = load('playwright-core'));
        axeUrl = pathToFileURL(load.resolve('axe-core/axe.min.js')).href;
    } catch (e) {
        console.error(`axe-check: ${e.message.split('\n')[0]}`);
        console.error('axe-check: run `npm ci` in tests/a11y, or set AXE_CHECK_NODE_MODULES to a node_modules holding axe-core and playwright-core');
        process.exit(2);
    }
    const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
    const elapsed = (since) => `${Number(process.hrtime.bigint() - since) / 1e6 | 0} ms`;
    let started = process.hrtime.bigint();
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

    if (options.timing) console.error(`axe-check: browser started in ${elapsed(started)}`);

    let failed = 0, problemCount = 0;
    try {
        const checker = new Checker(await browser.newContext({ serviceWorkers: 'block', bypassCSP: true }), axeUrl, options);
        await checker.start();
        for (const file of files) {
            started = process.hrtime.bigint();
            const { problems, notes } = await checker.check(file);
            if (options.timing) console.error(`axe-check: ${file} checked in ${elapsed(started)}`);
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
