// Opens local HTML pages in headless Chromium and reports what a reader would meet, as JSON on stdout.
//
//   node measure.mjs job.json
//
// job.json: {"chromium": path, "profile": dir, "pages": [{"name", "file", "lang"}], "widths": [px],
//            "axe_widths": [px], "pdf_dir": dir or null}
// For each page and width: the page's and the viewport's widths, table cells whose content is clipped,
// words cut across two lines (outside ids and URLs), French punctuation alone at a line's start or end;
// axe-core's violations at `axe_widths`; with `pdf_dir`, the page printed to A4 (preferring the page's
// @page rules) as <pdf_dir>/<name>.pdf. Measuring is done here; judging is left to the Python tests.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));

// Runs in the page: every measurement that depends on layout.
function measure() {
  const lineOf = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
    return rects;
  };
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const result = {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    clipped: [],
    brokenWords: [],
    loosePunctuation: [],
  };
  // A header row hidden for the eye (kept for screen readers, on cards) clips its cells on purpose.
  const hiddenForTheEye = (el) => {
    const head = el.closest("thead");
    return head !== null && head.getBoundingClientRect().width <= 1 && getComputedStyle(head).position === "absolute";
  };
  result.scrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      result.scrollers.push(`${el.tagName.toLowerCase()}.${el.className}`);
    }
  }
  for (const cell of document.querySelectorAll("th, td")) {
    if (visible(cell) && !hiddenForTheEye(cell) && cell.scrollWidth > cell.clientWidth + 1) {
      result.clipped.push({ text: cell.textContent.trim().slice(0, 60), scrollWidth: cell.scrollWidth, clientWidth: cell.clientWidth });
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const lines = (rects) => {
    const tops = [];
    for (const r of rects) if (!tops.some((t) => Math.abs(t - r.top) < 2)) tops.push(r.top);
    return tops.length;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // Ids and URLs may break anywhere: they are the only text allowed to.
    if (!parent || parent.closest("code, a[href], style, title") || !visible(parent)) continue;
    const text = node.data;
    for (const match of text.matchAll(/\S+/g)) {
      const start = match.index;
      const word = match[0];
      if (lines(lineOf(node, start, start + word.length)) < 2) continue;
      // The word spans two lines: acceptable only where it breaks after a hyphen, a dash or a slash.
      for (let i = 1; i < word.length; i++) {
        const before = lineOf(node, start + i - 1, start + i)[0];
        const here = lineOf(node, start + i, start + i + 1)[0];
        if (before && here && Math.abs(before.top - here.top) >= 2 && !/[-‐–—/]/.test(word[i - 1])) {
          result.brokenWords.push(`${word.slice(0, i)}|${word.slice(i)}`);
        }
      }
    }
    // French punctuation kept with its word: no line starts with « : ; ? ! » », none ends with « « ».
    for (const match of text.matchAll(/[:;?!»]/g)) {
      let i = match.index - 1;
      while (i >= 0 && /\s/.test(text[i])) i--;
      if (i < 0 || i === match.index - 1) continue; // glued to its word: cannot break there
      const mark = lineOf(node, match.index, match.index + 1)[0];
      const word = lineOf(node, i, i + 1)[0];
      if (mark && word && Math.abs(mark.top - word.top) >= 2) result.loosePunctuation.push(text.slice(Math.max(0, i - 15), match.index + 1));
    }
    for (const match of text.matchAll(/«/g)) {
      let i = match.index + 1;
      while (i < text.length && /\s/.test(text[i])) i++;
      if (i >= text.length || i === match.index + 1) continue;
      const mark = lineOf(node, match.index, match.index + 1)[0];
      const word = lineOf(node, i, i + 1)[0];
      if (mark && word && Math.abs(mark.top - word.top) >= 2) result.loosePunctuation.push(text.slice(match.index, i + 15));
    }
  }
  // Each visible table of documents: its columns' widths, and how many lines each of its ids takes.
  result.docTables = [...document.querySelectorAll("table.docs")].filter(visible).map((table) => {
    const columns = {};
    for (const th of table.querySelectorAll("thead th")) columns[th.className] = th.getBoundingClientRect().width;
    const idLines = {};
    for (const code of table.querySelectorAll("td.id code")) {
      if (visible(code)) idLines[code.textContent] = lines([...code.getClientRects()].concat(lineOf(code.firstChild, 0, code.textContent.length)));
    }
    return { columns, idLines };
  });
  return result;
}

const browser = await chromium.launch({
  executablePath: job.chromium,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const report = { pages: {} };

async function visit(page, item) {
  const url = pathToFileURL(item.file).href;
  const entry = { widths: {}, axe: {}, pdf: null, printColumns: [] };
  for (const width of job.widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    entry.widths[width] = await page.evaluate(measure);
    if (job.axe_widths.includes(width)) {
      await page.addScriptTag({ content: axeSource });
      entry.axe[width] = await page.evaluate(async () => {
        const run = await window.axe.run(document, { resultTypes: ["violations"] });
        return run.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
      });
    }
  }
  if (job.pdf_dir) {
    // The columns of each table as printed: A4 less 15 mm margins is 180 mm, 680 px.
    await page.setViewportSize({ width: 680, height: 900 });
    await page.goto(url);
    await page.emulateMedia({ media: "print" });
    entry.printColumns = await page.evaluate(() =>
      [...document.querySelectorAll("table")].map((table) => {
        const width = table.getBoundingClientRect().width;
        const columns = {};
        for (const th of table.querySelectorAll("thead th")) {
          const w = th.getBoundingClientRect().width;
          if (w > 0) columns[th.className] = w / width;
        }
        return columns;
      }),
    );
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    entry.pdf = join(job.pdf_dir, `${item.name}.pdf`);
    await page.pdf({ path: entry.pdf, preferCSSPageSize: true, printBackground: false });
  }
  report.pages[item.name] = entry;
}

try {
  const context = await browser.newContext({ offline: true });
  // Two tabs take turns on the queue of pages: the machine has two cores.
  const queue = [...job.pages];
  const worker = async () => {
    const page = await context.newPage();
    for (let item = queue.shift(); item; item = queue.shift()) await visit(page, item);
  };
  await Promise.all([worker(), worker()]);
} finally {
  await browser.close();
}
const out = JSON.stringify(report, null, 1);
if (job.output) writeFileSync(job.output, out);
else process.stdout.write(out);
