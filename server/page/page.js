// The borrower page: builds the request from the form (or takes pasted JSON),
// calls the service's own /v1/ endpoints and shows the answer. Every figure
// is the service's; nothing a user types is ever rendered as HTML (textContent
// only), and money is formatted from its decimal text, never through floats.
"use strict";

const TEXT = {
  zh: {
    title: "逾期了，有哪些出路？", intro: "填入您的借款，看看今天欠多少、不还会怎样，以及每一条出路要花多少钱。所有金额精确到分，由 overdue 计算。",
    loan: "借款", period: "利率按年、月或日", principal: "借款金额", rate: "利率（%）", annual: "年", monthly: "月", daily: "日",
    installments: "期数（月）", disbursement: "放款日", first_due: "首个还款日（可不填：放款后一个月）", paid: "已按时还了几期",
    terms: "逾期条款", penalty: "罚息（日利率 %）", late_fee: "每期滞纳金（违约金）", grace: "宽限期（天）", cap: "综合年化上限（%，可不填）",
    you: "您的情况", add_loan: "再加一笔借款（算出多笔借款的还款计划）", remove: "删除这笔借款", loan_n: (n) => `借款 ${n}`, budget: "每月能拿出多少还款", as_of: "计算日期", submit: "计算",
    paste: "或粘贴 JSON 请求（比较或多笔借款计划）", json_label: "请求（与 overdue 命令相同的 JSON）",
    today: "今天", grows: "如果不还", ways: "出路（先看负担得起的）", rank: "排名", way: "出路", total: "共付", cost: "成本",
    peak: "最高月供", fits: "负担得起", why: "理由与提醒", chart: "每条出路到每个日期共付多少",
    chart_note: "圆点：盈亏平衡日（从这天起比继续逾期省钱）。", plan: "多笔借款：逐月计划",
    footer: "结果仅供参考；以合同和出借人的账单为准。",
    working: "计算中……", done: "完成。", failed: "出错了：", fix: "请改正标出的字段。",
    owe: "今天结清需要", dpd: "逾期天数", bucket: "逾期阶段", outstanding: "其中本金", yes: "是", no: "否",
    number: "请填一个数字", whole: "请填一个整数", date: "请填日期",
    o_family: "找亲友借（0%，6 个月）", o_small: "持牌机构小额贷（年化 15%，2% 手续费）", o_defer: "延期 3 个月（1% 手续费）",
    o_restructure: "重组为 12 期（减免一半罚息）", o_service: "债务服务（15% 服务费，减免 20%）", o_stay: "再逾期 60 天",
    fits_every: "每月都在预算内", over_in: (m) => `${m} 超出预算`, warn: "提醒：",
    w_over_budget: (w) => `最高一月 ${money(w.peak)}，超出预算 ${money(w.budget)}`,
    w_lender_risk: () => "向亲友或私人借款有关系和法律风险", w_above_legal_cap: () => "超过法定利率上限",
    w_advance_fee: (w) => `预先收费 ${money(w.fee)}`, w_service_risk: () => "债务服务机构的风险：先核实资质",
    month: "还款日", budget_col: "预算", paid_col: "已付", recommended: "推荐方案：", still: "仍欠",
    plan_total: (p) => `共付 ${money(p.total_paid)}，仍欠 ${money(p.still_owed)}。每笔借款一栏：当月还款（逾期阶段，逾期天数）`,
    strategies: { least_cost: "最省钱", least_credit_damage: "对征信影响最小", avalanche: "先还利率最高的", snowball: "先还余额最小的", as_scheduled: "按原计划" },
  },
  en: {
    title: "Overdue: what are my ways out?", intro: "Enter your loan to see what you owe today, what happens if it stays unpaid, and what each way out costs. Every amount is exact to the cent, computed by overdue.",
    loan: "Loan", period: "Rate per year, month or day", principal: "Amount borrowed", rate: "Rate (%)", annual: "a year", monthly: "a month", daily: "a day",
    installments: "Installments (months)", disbursement: "Loan date", first_due: "First due date (optional: a month after the loan)", paid: "Installments paid on time",
    terms: "Overdue terms", penalty: "Penalty interest (% a day)", late_fee: "Late fee per installment", grace: "Grace period (days)", cap: "Annual cap on all charges (%, optional)",
    you: "You", add_loan: "Add another loan (for a plan over several loans)", remove: "Remove this loan", loan_n: (n) => `Loan ${n}`, budget: "What you can pay each month", as_of: "Date", submit: "Calculate",
    paste: "Or paste a JSON request (a comparison or a several-loans plan)", json_label: "Request (the same JSON as the overdue command)",
    today: "Today", grows: "If it stays unpaid", ways: "Ways out (affordable first)", rank: "Rank", way: "Way out", total: "Total paid", cost: "Cost",
    peak: "Highest month", fits: "Affordable", why: "Why, and warnings", chart: "What each way out has cost by each date",
    chart_note: "Dots: the break-even date (from then on it costs less than staying overdue).", plan: "Several loans: the plan month by month",
    footer: "For information; the contract and the lender's statements prevail.",
    working: "Calculating…", done: "Done.", failed: "Something went wrong: ", fix: "Please correct the marked fields.",
    owe: "Settles the loan today", dpd: "Days past due", bucket: "Bucket", outstanding: "Principal owed", yes: "yes", no: "no",
    number: "Enter a number", whole: "Enter a whole number", date: "Enter a date",
    o_family: "Borrow from family (0 %, 6 months)", o_small: "Licensed small loan (15 % a year, 2 % fee)", o_defer: "Defer 3 months (1 % fee)",
    o_restructure: "Restructure into 12 (half the penalty off)", o_service: "Debt service (15 % fee, 20 % off)", o_stay: "Stay overdue 60 more days",
    fits_every: "fits the budget every month", over_in: (m) => `over budget in ${m}`, warn: "Warning: ",
    w_over_budget: (w) => `highest month ${money(w.peak)} against a budget of ${money(w.budget)}`,
    w_lender_risk: () => "borrowing from family or a private lender risks the relationship and the law",
    w_above_legal_cap: () => "above a legal limit on the rate", w_advance_fee: (w) => `a fee of ${money(w.fee)} in advance`,
    w_service_risk: () => "a debt service: check it is licensed before paying",
    month: "Payday", budget_col: "Budget", paid_col: "Paid", recommended: "Recommended: ", still: "still owed",
    plan_total: (p) => `paid ${money(p.total_paid)}, still owed ${money(p.still_owed)}. Each loan's column: the month's payment (bucket, days past due)`,
    strategies: { least_cost: "least cost", least_credit_damage: "least credit damage", avalanche: "highest rate first", snowball: "smallest balance first", as_scheduled: "as scheduled" },
  },
};

let lang = "zh";
let last = null;
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[lang][key];

function setLanguage(next) {
  lang = next;
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  $("lang-zh").setAttribute("aria-pressed", String(next === "zh"));
  $("lang-en").setAttribute("aria-pressed", String(next === "en"));
  for (const node of document.querySelectorAll("[data-t]")) {
    const text = TEXT[next][node.dataset.t];
    if (typeof text === "string") node.textContent = text;
  }
  for (const node of document.querySelectorAll("select[id^=rate_period]")) node.setAttribute("aria-label", TEXT[next].period);
  if (last) last();
}

// "12345.6" -> "12,345.60"-style grouping of the decimal text as written.
function money(text) {
  if (text === null || text === undefined) return "—";
  const s = String(text);
  const negative = s.startsWith("-");
  const [whole, fraction] = (negative ? s.slice(1) : s).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (negative ? "-" : "") + grouped + (fraction === undefined ? "" : "." + fraction);
}

// "18" (%) -> "0.18", exactly, on the decimal text.
function percent(text) {
  const [whole, fraction = ""] = text.split(".");
  const digits = (whole.padStart(3, "0") + fraction).replace(/^0+(?=\d)/, "");
  const point = digits.length - fraction.length - 2;
  const padded = point <= 0 ? "0".repeat(1 - point) + digits : digits;
  const at = Math.max(point, 1);
  const result = padded.slice(0, at) + "." + padded.slice(at);
  return result.replace(/\.?0+$/, "") || "0";
}

function clearErrors() {
  for (const node of document.querySelectorAll(".error")) node.textContent = "";
  for (const node of document.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
}

function fieldError(id, message) {
  const input = $(id);
  const slot = $("error-" + id);
  if (!input || !slot) return false;
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", "error-" + id);
  slot.textContent = message;
  return true;
}

class FieldProblem extends Error {
  constructor(field, message) { super(message); this.field = field; }
}

function read(id, kind, optional) {
  const input = $(id);
  const value = input ? input.value.trim() : "";
  if (value === "" && optional) return null;
  const ok = kind === "whole" ? /^\d+$/.test(value) : kind === "date" ? /^\d{4}-\d{2}-\d{2}$/.test(value) : /^\d+(\.\d+)?$/.test(value);
  if (!ok) throw new FieldProblem(id, t(kind === "whole" ? "whole" : kind === "date" ? "date" : "number"));
  return value;
}

// The service's JSON path of a wrong leaf -> the form field it came from.
const PATHS = [
  [/principal$/, "principal"], [/options\.rate/, "rate"], [/^rate/, "rate"], [/installments$/, "installments"],
  [/disbursement$/, "disbursement"], [/first_due$/, "first_due"], [/penalty_rate/, "penalty"], [/late_fee/, "late_fee"],
  [/grace/, "grace"], [/caps/, "cap"], [/budget/, "budget"], [/as_of$/, "as_of"], [/events/, "paid"],
];

function fieldOf(path, suffix) {
  if (!path) return null;
  const debt = /^debts\[(\d+)\]/.exec(path);
  const at = suffix !== undefined ? suffix : debt ? loanSuffix(Number(debt[1])) : "";
  for (const [pattern, id] of PATHS) if (pattern.test(path)) return id.includes("budget") || id === "as_of" ? id : id + at;
  return null;
}

// The suffix of the ids of loan `index` (0: the first loan, whose ids have none).
function loanSuffix(index) {
  return index === 0 ? "" : "-" + (index + 1);
}

function loanSuffixes() {
  return ["", ...Array.from(document.querySelectorAll("#more-loans .loan"), (block) => block.dataset.suffix)];
}

// Another loan: a copy of the first loan's fields, each id with its suffix.
function addLoan() {
  const index = document.querySelectorAll("#more-loans .loan").length + 1;
  const suffix = loanSuffix(index);
  const block = $("loan-block").cloneNode(true);
  block.id = "loan-block" + suffix;
  block.dataset.suffix = suffix;
  for (const node of block.querySelectorAll("[id]")) node.id = node.id + suffix;
  for (const node of block.querySelectorAll("label[for]")) node.htmlFor = node.htmlFor + suffix;
  for (const node of block.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const node of block.querySelectorAll(".error")) node.textContent = "";
  for (const node of block.querySelectorAll("input")) if (["paid", "first_due"].some((f) => node.id === f + suffix)) node.value = "";
  const remove = block.querySelector(".remove");
  remove.hidden = false;
  remove.addEventListener("click", () => { block.remove(); renumber(); });
  $("more-loans").appendChild(block);
  renumber();
  block.querySelector("input").focus();
}

// Loan numbers in the legends, shown once there are several; suffixes follow the order.
function renumber() {
  const blocks = [$("loan-block"), ...document.querySelectorAll("#more-loans .loan")];
  blocks.forEach((block, i) => {
    block.querySelector(".number").textContent = blocks.length > 1 ? " " + (i + 1) : "";
    if (i === 0) return;
    const old = block.dataset.suffix;
    const suffix = loanSuffix(i);
    if (old === suffix) return;
    for (const node of block.querySelectorAll("[id]")) node.id = node.id.slice(0, -old.length) + suffix;
    for (const node of block.querySelectorAll("label[for]")) node.htmlFor = node.htmlFor.slice(0, -old.length) + suffix;
    block.dataset.suffix = suffix;
  });
}

async function call(job, body) {
  const response = await fetch("v1/" + job, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({ detail: response.statusText }));
  if (!response.ok) { const e = new Error(answer.detail || response.statusText); e.problem = answer; throw e; }
  return answer;
}

function addDays(date, days) {
  const d = new Date(date + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function ways(asOf, rate) {
  return [
    { label: t("o_family"), way: { kind: "refinance", lender: "family_or_friends", rate: { value: "0", period: "annual" }, installments: 6, method: { kind: "equal_principal" } } },
    { label: t("o_small"), way: { kind: "refinance", lender: "licensed_institution", rate: { value: "0.15", period: "annual" }, installments: 12, upfront_fee: { kind: "share", value: "0.02" }, fee_deducted: true } },
    { label: t("o_defer"), way: { kind: "restructure", date: asOf, plan: { kind: "deferral", shift: { kind: "periods", value: 3 }, interest: "accrue" }, fee: { kind: "share", value: "0.01" } } },
    { label: t("o_restructure"), way: { kind: "restructure", date: asOf, plan: { kind: "schedule", rate, installments: 12 }, penalty_interest: { waive: { kind: "share", value: "0.5" }, then: "capitalise" } } },
    { label: t("o_service"), way: { kind: "debt_service", fee: { kind: "share_of_debt", value: "0.15" }, reduction: "0.2", months: 3 } },
    { label: t("o_stay"), way: { kind: "stay", until: addDays(asOf, 60) } },
  ];
}

// One loan's ledger from its fields (ids ending in `suffix`).
async function ledgerOf(suffix) {
  const f = (id) => id + suffix;
  const rate = { value: percent(read(f("rate"), "number")), period: $(f("rate_period")).value };
  const options = { principal: read(f("principal"), "number"), rate, installments: Number(read(f("installments"), "whole")), disbursement: read(f("disbursement"), "date") };
  const firstDue = read(f("first_due"), "date", true);
  if (firstDue) options.first_due = firstDue;
  const policy = {};
  const penalty = read(f("penalty"), "number", true);
  if (penalty) { policy.penalty_rate = { kind: "fixed", value: { value: percent(penalty), period: "daily" } }; policy.penalty_base = "overdue_installment"; }
  const lateFee = read(f("late_fee"), "number", true);
  if (lateFee) policy.late_fee = { amount: { kind: "flat", value: lateFee } };
  const grace = read(f("grace"), "whole", true);
  if (grace) policy.grace = { days: Number(grace), meaning: "waive" };
  const cap = read(f("cap"), "number", true);
  if (cap) policy.caps = { annualised: { value: percent(cap), period: "annual" } };
  const paid = Number(read(f("paid"), "whole", true) || "0");
  const events = [];
  if (paid > 0) {
    let schedule;
    try { schedule = await call("schedule", options); } catch (e) { e.suffix = suffix; throw e; }
    if (paid > schedule.installments.length) throw new FieldProblem(f("paid"), "≤ " + schedule.installments.length);
    for (const row of schedule.installments.slice(0, paid)) events.push({ kind: "payment", id: "paid-" + row.number, date: row.due_date, amount: row.payment });
  }
  return { ledger: { schedule: { options }, policy, events }, rate };
}

// One loan: the comparison of its ways out; several: the plan over them.
async function fromForm() {
  const asOf = read("as_of", "date");
  const budget = read("budget", "number");
  const suffixes = loanSuffixes();
  const loans = [];
  for (const suffix of suffixes) loans.push(await ledgerOf(suffix));
  if (loans.length === 1) {
    return { ledger: loans[0].ledger, as_of: asOf, options: ways(asOf, loans[0].rate), budget: { income: budget, essential_expenses: "0" }, discount_rate: { value: "0.05", period: "annual" } };
  }
  const day = Math.min(Number(asOf.slice(8, 10)), 28);
  return { as_of: asOf, budget: { kind: "constant", value: budget }, payment_day: day, months: 12,
    debts: loans.map((loan, i) => ({ label: t("loan_n")(i + 1), ledger: loan.ledger })) };
}

function row(cells, className) {
  const tr = document.createElement("tr");
  if (className) tr.className = className;
  for (const cell of cells) {
    const td = document.createElement("td");
    if (cell && typeof cell === "object" && cell.money !== undefined) { td.textContent = money(cell.money); td.className = "money"; }
    else if (cell instanceof Node) td.appendChild(cell);
    else td.textContent = cell === null || cell === undefined ? "—" : String(cell);
    tr.appendChild(td);
  }
  return tr;
}

function warningText(w) {
  const describe = TEXT[lang]["w_" + w.kind];
  return describe ? describe(w) : w.kind.replace(/_/g, " ");
}

function reason(option) {
  const box = document.createElement("div");
  const first = document.createElement("span");
  first.textContent = lang === "en" ? option.reason : option.affordable ? t("fits_every") : t("over_in")(option.first_over_budget || "");
  box.appendChild(first);
  for (const w of option.warnings || []) {
    const line = document.createElement("span");
    line.className = "warning";
    line.textContent = t("warn") + warningText(w);
    box.appendChild(line);
  }
  return box;
}

function showComparison(result) {
  $("today").hidden = false;
  const figures = $("today-figures");
  figures.replaceChildren();
  const s = result.statement;
  for (const [key, value] of [["owe", money(result.payoff)], ["dpd", s.days_past_due], ["bucket", s.bucket], ["outstanding", money(s.outstanding.principal)]]) {
    const dt = document.createElement("dt"); dt.textContent = t(key);
    const dd = document.createElement("dd"); dd.textContent = String(value);
    figures.append(dt, dd);
  }
  const grows = $("grows");
  grows.replaceChildren();
  for (const entry of (result.if_unpaid ? result.if_unpaid.entries : []).slice(0, 8)) {
    const li = document.createElement("li");
    li.textContent = lang === "en" ? entry.text : `${entry.date}：逾期 ${entry.days_past_due} 天` + (entry.milestone.bucket ? `（${entry.milestone.bucket}）` : entry.milestone.amount ? `，${money(entry.milestone.amount)}` : "");
    grows.appendChild(li);
  }
  $("ways").hidden = false;
  const body = $("ways-table").tBodies[0];
  body.replaceChildren();
  for (const o of result.options) {
    body.appendChild(row([o.rank, o.label, { money: o.total_paid }, { money: o.cost }, { money: o.peak_monthly }, o.affordable ? t("yes") : t("no"), reason(o)], o.affordable ? "" : "unaffordable"));
  }
  drawChart(result.options);
}

const COLOURS = ["#0d3b66", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#30638e", "#8ac926", "#ff595e", "#1982c4"];
const SVG = "http://www.w3.org/2000/svg";

function svg(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, String(v));
  return node;
}

// Cumulative amount paid by date for each way out; positions only (drawing), never money.
function drawChart(options) {
  $("chart").hidden = false;
  const series = options.map((o) => {
    let total = 0;
    const points = o.cash_flows.filter((f) => f.amount.startsWith("-")).map((f) => { total += Number(f.amount.slice(1)); return [Date.parse(f.date), total]; });
    return { label: o.label, points, breakEven: o.break_even ? Date.parse(o.break_even) : null };
  }).filter((s) => s.points.length > 0);
  const box = $("chart-box");
  box.replaceChildren();
  $("legend").replaceChildren();
  if (series.length === 0) return;
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const [x0, x1, y1] = [Math.min(...xs), Math.max(...xs) || 1, Math.max(...ys) || 1];
  const W = 800, H = 360, L = 70, R = 16, T = 16, B = 40;
  const px = (x) => L + (x1 === x0 ? 0 : (x - x0) / (x1 - x0)) * (W - L - R);
  const py = (y) => H - B - (y / y1) * (H - T - B);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("chart") });
  for (let i = 0; i <= 4; i++) {
    const y = (y1 * i) / 4;
    chart.appendChild(svg("line", { x1: L, x2: W - R, y1: py(y), y2: py(y), stroke: "#e3e7ec" }));
    const label = svg("text", { x: L - 6, y: py(y) + 4, "text-anchor": "end", "font-size": 12, fill: "#4a5560" });
    label.textContent = money(String(Math.round(y)));
    chart.appendChild(label);
  }
  for (const x of [x0, (x0 + x1) / 2, x1]) {
    const label = svg("text", { x: px(x), y: H - B + 18, "text-anchor": "middle", "font-size": 12, fill: "#4a5560" });
    label.textContent = new Date(x).toISOString().slice(0, 10);
    chart.appendChild(label);
  }
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    let d = "";
    let previous = 0;
    for (const [x, y] of s.points) { d += (d ? ` L${px(x)},${py(previous)} L${px(x)},${py(y)}` : `M${px(x)},${py(0)} L${px(x)},${py(y)}`); previous = y; }
    chart.appendChild(svg("path", { d, fill: "none", stroke: colour, "stroke-width": 2 }));
    if (s.breakEven !== null && s.breakEven >= x0 && s.breakEven <= x1) {
      const paid = s.points.filter((p) => p[0] <= s.breakEven).map((p) => p[1]).pop() || 0;
      const dot = svg("circle", { cx: px(s.breakEven), cy: py(paid), r: 5, fill: colour, class: "break-even" });
      const title = svg("title", {}); title.textContent = s.label + " — " + new Date(s.breakEven).toISOString().slice(0, 10);
      dot.appendChild(title);
      chart.appendChild(dot);
    }
    const li = document.createElement("li");
    const swatch = document.createElement("span"); swatch.className = "swatch"; swatch.style.background = colour;
    li.append(swatch, document.createTextNode(s.label));
    $("legend").appendChild(li);
  });
  box.appendChild(chart);
}

function showPlan(result) {
  $("plan").hidden = false;
  const plan = result.plans.find((p) => p.strategy === result.recommended) || result.plans[0];
  const strategy = t("strategies")[plan.strategy] || plan.strategy.replace(/_/g, " ");
  $("plan-summary").textContent = t("recommended") + strategy + " — " + t("plan_total")(plan);
  const head = $("plan-table").tHead;
  head.replaceChildren();
  const tr = document.createElement("tr");
  for (const name of [t("month"), t("budget_col"), t("paid_col"), ...plan.loans.map((l) => l.label)]) {
    const th = document.createElement("th"); th.scope = "col"; th.textContent = name; tr.appendChild(th);
  }
  head.appendChild(tr);
  const body = $("plan-table").tBodies[0];
  body.replaceChildren();
  for (const m of plan.months) {
    body.appendChild(row([m.payday, { money: m.budget }, { money: m.paid }, ...m.loans.map((l) => `${money(l.payment)} (${l.bucket}, ${l.days_past_due})`)]));
  }
}

function hideResults() {
  for (const id of ["today", "ways", "chart", "plan"]) $(id).hidden = true;
}

async function run(build, errorSlot) {
  clearErrors();
  $("status").textContent = t("working");
  try {
    const request = await build();
    const job = request.debts ? "plan" : "compare";
    const result = await call(job, request);
    hideResults();
    last = () => (job === "plan" ? showPlan(result) : showComparison(result));
    last();
    $("status").textContent = t("done");
  } catch (e) {
    const field = e instanceof FieldProblem ? e.field : errorSlot ? null : fieldOf(e.problem && (e.problem.path || e.problem.field), e.suffix);
    if (field && fieldError(field, e.message)) {
      $("status").textContent = t("fix");
      $(field).focus();
    } else if (errorSlot) {
      const at = e.problem && (e.problem.path || e.problem.field);
      const where = at ? ` (${at})` : "";
      fieldError(errorSlot, e.message + where);
      $("status").textContent = t("failed") + e.message;
    } else {
      $("status").textContent = t("failed") + e.message;
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("as_of").value = new Date().toISOString().slice(0, 10);
  $("lang-zh").addEventListener("click", () => setLanguage("zh"));
  $("lang-en").addEventListener("click", () => setLanguage("en"));
  $("add-loan").addEventListener("click", addLoan);
  $("loan").addEventListener("submit", (event) => { event.preventDefault(); run(fromForm, null); });
  $("json-submit").addEventListener("click", () => run(async () => {
    try { return JSON.parse($("json").value); } catch (e) { throw new FieldProblem("json", e.message); }
  }, "json"));
  if (navigator.language && !navigator.language.startsWith("zh")) setLanguage("en");
});
