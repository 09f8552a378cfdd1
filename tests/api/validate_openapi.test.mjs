// The OpenAPI check of the API tests, tested on responses that break docs/openapi.json on
// purpose: each must be refused with the JSON pointer and what is wrong, and the real document
// must compile whole (ctest api.contract_validator; node --test).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { createValidator, defaultDocumentPath } from "./validate_openapi.mjs";

const document = JSON.parse(readFileSync(defaultDocumentPath, "utf8"));
const validator = createValidator(document);
// A real dashboard of the demo organization (lists shortened), as the server answered it.
const dashboard = readFileSync(path.join(import.meta.dirname, "contract", "dashboard.json"), "utf8");

function answer(fields) {
  const body = fields.body ?? null;
  return validator.check({
    method: "GET",
    status: 200,
    content_type: "application/json",
    length: body ? Buffer.byteLength(body) : 0,
    ...fields,
    body,
  });
}

function dashboardWith(change) {
  const value = JSON.parse(dashboard);
  change(value);
  return answer({ path: "/api/v1/organizations/1/dashboard", body: JSON.stringify(value) });
}

// One problem that names `pointer` and contains `what`.
function assertProblem(result, pointer, what) {
  const hits = result.problems.filter((p) => p.startsWith(`${pointer}: `) && p.includes(what));
  assert.ok(hits.length, `expected a problem at ${pointer} with "${what}", got ${JSON.stringify(result.problems)}`);
}

test("every response schema of docs/openapi.json compiles (strict)", () => {
  assert.deepEqual(validator.compileAll(), []);
});

test("a misspelt keyword in a schema is found before any response needs it", () => {
  const broken = structuredClone(document);
  broken.components.schemas.Organization.requried = ["id"];
  assert.match(createValidator(broken).compileAll().join("\n"), /unknown keyword: "requried"/);
});

test("the dashboard as the server answers it keeps to the document", () => {
  const result = answer({ path: "/api/v1/organizations/1/dashboard", body: dashboard });
  assert.equal(result.operation, "GET /api/v1/organizations/{org}/dashboard");
  assert.deepEqual(result.problems, []);
});

test("a score that is text is refused at its pointer", () => {
  const result = dashboardWith((d) => (d.functions[1].current = "high"));
  assertProblem(result, "/functions/1/current", "must be number,null");
});

test("a missing required member is refused", () => {
  assertProblem(dashboardWith((d) => delete d.coverage), "/", "must have required property 'coverage'");
  assertProblem(
    dashboardWith((d) => delete d.roadmap.overdue),
    "/roadmap",
    "must have required property 'overdue'",
  );
});

test("a member the document does not describe is refused, however deep", () => {
  assertProblem(dashboardWith((d) => (d.colour = "red")), "/", 'member "colour" is not in the schema');
  assertProblem(
    dashboardWith((d) => (d.top_gaps[0].risk = 3)),
    "/top_gaps/0",
    'member "risk" is not in the schema',
  );
});

test("a value outside an enum names the allowed values", () => {
  assertProblem(dashboardWith((d) => (d.current.kind = "future")), "/current/kind", '"current", "target"');
});

test("a 412 whose current record is none of the documented records is refused", () => {
  const result = answer({
    method: "PUT",
    path: "/api/v1/profiles/1/nodes/ID.AM-1",
    status: 412,
    content_type: "application/problem+json",
    body: JSON.stringify({ type: "about:blank", title: "Changed", status: 412, detail: "changed", current: {} }),
  });
  assert.ok(result.problems.some((p) => p.startsWith("/current: ")), JSON.stringify(result.problems));
});

test("a problem without its detail is refused", () => {
  const result = answer({
    path: "/api/v1/organizations/99/dashboard",
    status: 404,
    content_type: "application/problem+json",
    body: JSON.stringify({ type: "about:blank", title: "Not found", status: 404 }),
  });
  assertProblem(result, "/", "must have required property 'detail'");
});

test("a status the operation does not list is refused", () => {
  const result = answer({ path: "/api/v1/organizations/1/dashboard", status: 418, body: "{}" });
  assert.match(result.problems.join("\n"), /status 418 is not documented for GET \/api\/v1\/organizations\/\{org\}\//);
});

test("an error any path may give is accepted where the operation does not list it", () => {
  const body = JSON.stringify({ type: "about:blank", title: "Method not allowed", status: 405, detail: "no" });
  const problem = "application/problem+json";
  const result = answer({ method: "PATCH", path: "/api/v1/organizations/1", status: 405, content_type: problem, body });
  assert.deepEqual(result.problems, []);
});

test("a media type the response does not list is refused", () => {
  const html = "text/html; charset=utf-8";
  const result = answer({ path: "/api/v1/organizations/1/dashboard", content_type: html, body: dashboard });
  assert.match(result.problems.join("\n"), /Content-Type text\/html; charset=utf-8 is not documented for 200/);
});

test("a JSON media type with a body that is not JSON is refused", () => {
  const result = answer({ path: "/api/v1/organizations/1/dashboard", body: "{\"functions\": [" });
  assert.match(result.problems.join("\n"), /the body is not JSON/);
});

test("a body where the document says there is none is refused", () => {
  const result = answer({ method: "DELETE", path: "/api/v1/session", status: 204, body: "{}" });
  assert.match(result.problems.join("\n"), /the document says 204 has no body/);
});

test("an API path the document does not have is refused unless it is an error", () => {
  const found = answer({ path: "/api/v1/secrets", body: "{}" });
  assert.match(found.problems.join("\n"), /no path of the document matches/);
  const body = JSON.stringify({ type: "about:blank", title: "Not found", status: 404, detail: "no resource" });
  const notFound = answer({ path: "/api/v1/secrets", status: 404, content_type: "application/problem+json", body });
  assert.deepEqual(notFound.problems, []);
});

test("the web UI's own paths are not the API's", () => {
  const result = answer({ path: "/assets/index-abc.js", content_type: "text/javascript", body: null, length: 10 });
  assert.equal(result.checked, false);
});

test("a literal segment wins over a parameter", () => {
  assert.equal(validator.route("/api/v1/audit/verify"), "/api/v1/audit/verify");
  assert.equal(validator.route("/api/v1/session/password"), "/api/v1/session/password");
  const history = "/api/v1/profiles/{id}/nodes/{node}/history";
  assert.equal(validator.route("/api/v1/profiles/1/nodes/ID.AM-1/history"), history);
});

test("an OSCAL download in JSON is an object with its model", () => {
  const result = answer({
    path: "/api/v1/frameworks/iso-tr-27103-2018/oscal",
    content_type: "application/oscal.catalog+json",
    body: JSON.stringify({ profile: {} }),
  });
  assertProblem(result, "/", "must have required property 'catalog'");
});
