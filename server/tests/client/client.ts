// A client typed by the service's OpenAPI document: `openapi-typescript`
// writes `overdue.ts` from /openapi.json, and this file must compile against
// it (tsc --strict) and round-trip a schedule and a refused request.
//
// node client.js <base URL>
import type { components } from "./overdue";

type ScheduleRequest = components["schemas"]["ScheduleRequest"];
type ScheduleResult = components["schemas"]["ScheduleResult"];
type Problem = components["schemas"]["Problem"];

class Refused extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.kind} at ${problem.path ?? problem.kind}: ${problem.detail}`);
  }
}

async function schedule(base: string, request: ScheduleRequest): Promise<ScheduleResult> {
  const response = await fetch(base + "/v1/schedule", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Refused((await response.json()) as Problem);
  return (await response.json()) as ScheduleResult;
}

async function main(base: string): Promise<void> {
  const request: ScheduleRequest = {
    principal: "12000",
    rate: { value: "0.18", period: "annual" },
    installments: 12,
    disbursement: "2026-01-15",
  };
  const result = await schedule(base, request);
  const first = result.installments[0];
  if (result.installments.length !== 12 || first === undefined || first.due_date !== "2026-02-15") {
    throw new Error("unexpected schedule: " + JSON.stringify(result).slice(0, 200));
  }
  try {
    await schedule(base, { ...request, principal: "-1" });
    throw new Error("a negative principal was accepted");
  } catch (e) {
    if (!(e instanceof Refused) || e.problem.status !== 422 || e.problem.path !== "principal") throw e;
  }
  console.log(`typed client: ${result.installments.length} installments, first due ${first.due_date}; a negative principal refused at ${"principal"}`);
}

main(process.argv[2] ?? "http://127.0.0.1:8080").catch((e) => {
  console.error(e);
  process.exit(1);
});
