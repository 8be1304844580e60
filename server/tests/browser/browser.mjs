// The borrower page in headless Chromium: fill in the walk-through's loan,
// submit with the keyboard, check the ranking's first row against the
// service's own answer, the chart, a field error mapped from the service's
// path, the language switch and a 375 px wide screen; keep screenshots.
//
// node browser.mjs <overdue-server binary> <artefact folder>
// (playwright-core on NODE_PATH; Chromium at /usr/bin/chromium or $CHROMIUM)
import { spawn } from "node:child_process";
import { readFileSync, mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const [binary, artefacts] = process.argv.slice(2);
mkdirSync(artefacts, { recursive: true });

const server = spawn(binary, ["serve", "--bind", "127.0.0.1:0", "--log", "off"], { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).once("line", (line) => resolve(line.replace("listening on ", "").trim() + "/"));
  server.once("exit", (code) => reject(new Error("the service exited: " + code)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: "zh-CN" });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // a refused request shows in the console as a failed load; anything else is a fault
  page.on("console", (m) => { if (m.type() === "error" && !/status of (400|422)/.test(m.text())) errors.push(m.text()); });
  await page.goto(base);
  assert.equal(await page.textContent("h1"), "逾期了，有哪些出路？", "Chinese first for a Chinese browser");
  await page.click("#lang-en");
  assert.equal(await page.textContent("label[for=principal]"), "Amount borrowed");

  // the walk-through's loan, typed in as a borrower would
  const walkThrough = { principal: "12000", rate: "18", installments: "12", disbursement: "2026-01-15", paid: "3",
    penalty: "0.05", late_fee: "30", grace: "3", cap: "24", budget: "1800", as_of: "2026-06-24" };
  for (const [field, value] of Object.entries(walkThrough)) await page.fill("#" + field, value);
  await page.selectOption("#rate_period", "annual");
  await page.focus("#budget");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#ways:not([hidden]) tbody tr");

  // the first row against the service's own comparison of the same loan
  const reference = await (await fetch(base + "v1/compare", { method: "POST", body: readFileSync(new URL("../../../examples/borrower.json", import.meta.url)) })).json();
  const family = reference.options.find((o) => o.label.startsWith("Family loan"));
  assert.equal(family.rank, 1);
  const first = await page.$$eval("#ways tbody tr:first-child td", (cells) => cells.map((c) => c.textContent));
  assert.equal(first[0], "1");
  assert.equal(first[1], "Borrow from family (0 %, 6 months)");
  assert.equal(first[2], family.total_paid.replace(/\B(?=(\d{3})+(?!\d))/, ","));
  assert.equal(await page.textContent("#today-figures dd"), "9,579.04");
  // the chart: a line per way out that pays, with break-even dots
  assert.ok((await page.$$("#chart-box svg path")).length >= 5, "a line per way out");
  assert.ok((await page.$$("#chart-box svg circle.break-even")).length >= 1, "break-even points");
  await page.screenshot({ path: artefacts + "/page.png", fullPage: true });

  // a value the service refuses: the message sits at the field it came from
  await page.fill("#principal", "12000.001");
  await page.click("#submit");
  await page.waitForSelector("#principal[aria-invalid=true]");
  assert.match(await page.textContent("#error-principal"), /minor unit/);
  assert.equal(await page.evaluate(() => document.activeElement.id), "principal");
  // and one the page itself refuses
  await page.fill("#principal", "12000");
  await page.fill("#installments", "twelve");
  await page.click("#submit");
  await page.waitForSelector("#installments[aria-invalid=true]");
  assert.equal(await page.textContent("#error-installments"), "Enter a whole number");

  // what a user types is never markup
  await page.fill("#installments", "12");
  await page.click("#json-box summary");
  await page.fill("#json", '{"ledger": "<img src=x onerror=alert(1)>"}');
  await page.click("#json-submit");
  await page.waitForSelector("#json[aria-invalid=true]");
  assert.equal(await page.$$eval("#error-json img", (n) => n.length), 0);

  // a second loan typed in: the plan over both, month by month
  await page.click("#add-loan");
  for (const [field, value] of Object.entries({ principal: "5000.001", rate: "24", installments: "6", disbursement: "2026-03-01", paid: "1" })) {
    await page.fill("#" + field + "-2", value);
  }
  await page.click("#submit");
  await page.waitForSelector("#principal-2[aria-invalid=true]");
  assert.equal(await page.getAttribute("#principal", "aria-invalid"), null, "the error is the second loan's");
  await page.fill("#principal-2", "5000");
  await page.click("#submit");
  await page.waitForSelector("#plan:not([hidden]) tbody tr");
  assert.equal(await page.$$eval("#plan tbody tr", (rows) => rows.length), 12);
  const columns = await page.$$eval("#plan thead th", (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(columns.slice(3), ["Loan 1", "Loan 2"]);
  assert.ok(await page.isHidden("#ways"), "a plan, not a comparison");
  await page.screenshot({ path: artefacts + "/page-plan.png", fullPage: true });

  // 375 px wide: nothing wider than the screen
  const phone = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: "en-GB" });
  phone.on("pageerror", (e) => errors.push(e.message));
  await phone.goto(base);
  for (const [field, value] of Object.entries(walkThrough)) await phone.fill("#" + field, value);
  await phone.click("#submit");
  await phone.waitForSelector("#ways:not([hidden]) tbody tr");
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, "the page is " + width + " px wide at 375 px");
  await phone.screenshot({ path: artefacts + "/page-375.png", fullPage: true });

  // several loans pasted as JSON: the plan month by month
  await phone.click("#json-box summary");
  await phone.fill("#json", readFileSync(new URL("../../../examples/several_loans.json", import.meta.url), "utf8"));
  await phone.click("#json-submit");
  await phone.waitForSelector("#plan:not([hidden]) tbody tr");
  assert.equal(await phone.$$eval("#plan tbody tr", (rows) => rows.length), 6);
  assert.deepEqual(errors, [], "no script errors");
  console.log("browser test passed; screenshots in " + artefacts);
} catch (e) {
  failed = true;
  console.error(e);
  for (const open of browser.contexts().flatMap((c) => c.pages())) {
    console.error("status:", await open.textContent("#status").catch(() => "?"));
    await open.screenshot({ path: artefacts + "/failure.png", fullPage: true }).catch(() => {});
  }
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
process.exit(failed ? 1 : 0);
