// Every OSCAL document cyberframe exports validates against NIST's OSCAL 1.2.1 JSON Schema
// (draft-07), checked with ajv and ajv-formats (the web UI's devDependencies):
//   - every built-in framework as a catalog,
//   - every built-in mapping set as a mapping collection,
//   - on a demo workspace: assessment results of the live profile and of a frozen assessment
//     against the target profile, and the POA&M of the roadmap; and the workspace is unchanged
//     by the exports (its audit trail, which records every change, is the same before and after).
// A deliberately broken copy must fail, so a validator that accepts everything cannot pass.
//
// Usage: node test_schema.mjs CYBERFRAME OSCAL_DATA_DIR   (env CYBERFRAME_WEB_DIR = web/)

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const [binary, dataDir] = process.argv.slice(2);
if (!binary || !dataDir) {
  console.error("usage: node test_schema.mjs CYBERFRAME OSCAL_DATA_DIR");
  process.exit(2);
}
const webDir = process.env.CYBERFRAME_WEB_DIR ?? path.resolve(import.meta.dirname, "../../web");
const require = createRequire(path.join(webDir, "package.json"));
const Ajv = require("ajv");
const addFormats = require("ajv-formats");

const schemaDir = path.join(dataDir, "schemas", "v1.2.1");
const ajv = new (Ajv.default ?? Ajv)({ allErrors: true, strict: false });
(addFormats.default ?? addFormats)(ajv);
const validators = {};
function validator(model) {
  const file = {
    catalog: "oscal_catalog_schema.json",
    "mapping-collection": "oscal_mapping_schema.json",
    "assessment-results": "oscal_assessment-results_schema.json",
    "plan-of-action-and-milestones": "oscal_poam_schema.json",
  }[model];
  validators[model] ??= ajv.compile(JSON.parse(readFileSync(path.join(schemaDir, file), "utf8")));
  return validators[model];
}

const work = mkdtempSync(path.join(tmpdir(), "cyberframe-schema-"));
let failures = 0;
let checked = 0;

function run(args) {
  const r = spawnSync(binary, args, { cwd: work, encoding: "utf8", maxBuffer: 256 << 20 });
  if (r.status !== 0) {
    throw new Error(`cyberframe ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  return r.stdout;
}

function check(label, file, model) {
  const document = JSON.parse(readFileSync(path.join(work, file), "utf8"));
  const rootNames = Object.keys(document);
  if (rootNames.length !== 1 || rootNames[0] !== model) {
    console.error(`FAIL ${label}: root ${rootNames} is not ${model}`);
    failures++;
    return document;
  }
  if (document[model].metadata["oscal-version"] !== "1.2.1") {
    console.error(`FAIL ${label}: oscal-version ${document[model].metadata["oscal-version"]}`);
    failures++;
  }
  const validate = validator(model);
  if (!validate(document)) {
    console.error(`FAIL ${label}: not valid against ${model} 1.2.1:`);
    for (const e of validate.errors.slice(0, 20)) {
      console.error(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    }
    failures++;
  } else {
    console.log(`ok ${label}`);
  }
  checked++;
  return document;
}

try {
  // Frameworks.
  const frameworks = JSON.parse(run(["catalog", "list", "--kind", "framework", "--format", "json"]))
    .frameworks.map((f) => f.id);
  if (frameworks.length < 7) throw new Error(`only ${frameworks.length} frameworks listed`);
  let exported;
  for (const id of frameworks) {
    run(["oscal", "export", "catalog", id, "-o", `${id}.json`]);
    exported = check(`catalog ${id}`, `${id}.json`, "catalog");
  }

  // Mapping sets.
  const sets = JSON.parse(run(["catalog", "list", "--kind", "mapping-set", "--format", "json"]))
    ["mapping_sets"].map((s) => s.id);
  if (sets.length < 3) throw new Error(`only ${sets.length} mapping sets listed`);
  for (const id of sets) {
    run(["oscal", "export", "mapping", id, "-o", `${id}.mapping.json`]);
    check(`mapping ${id}`, `${id}.mapping.json`, "mapping-collection");
  }

  // A demo workspace.
  run(["--db", "w.db", "init"]);
  run(["--db", "w.db", "demo"]);
  const audit = () => run(["--db", "w.db", "audit", "log", "--limit", "100000", "--format", "json"]);
  const before = audit();
  const frozen = JSON.parse(run(["--db", "w.db", "assessment", "trend", "Current state", "--format", "json"]));
  if (frozen.length === 0) throw new Error("the demo froze no assessment");
  run(["--db", "w.db", "oscal", "export", "assessment-results", "Current state", "-o", "ar.json"]);
  const live = check("assessment results (live)", "ar.json", "assessment-results");
  run(["--db", "w.db", "oscal", "export", "assessment-results", "Current state",
       "--assessment", frozen[0].name, "--target", "Target 2027", "-o", "ar-frozen.json"]);
  const old = check(`assessment results (${frozen[0].name} against Target 2027)`, "ar-frozen.json",
                    "assessment-results");
  run(["--db", "w.db", "oscal", "export", "poam", "Current state", "-o", "poam.json"]);
  const poam = check("POA&M", "poam.json", "plan-of-action-and-milestones");
  if (audit() !== before) {
    console.error("FAIL the exports changed the workspace (its audit trail differs)");
    failures++;
  }
  const findings = live["assessment-results"].results[0].findings ?? [];
  if (findings.length !== 88) {
    console.error(`FAIL live assessment results: ${findings.length} findings, expected 88`);
    failures++;
  }
  if (old["assessment-results"].results[0].start.slice(0, 10) !== frozen[0].taken_at.slice(0, 10)) {
    console.error("FAIL frozen assessment results do not start when the assessment was frozen");
    failures++;
  }
  if ((poam["plan-of-action-and-milestones"]["poam-items"] ?? []).length === 0) {
    console.error("FAIL the POA&M has no items");
    failures++;
  }

  // The validator must reject what the schema forbids: a missing title, an id that is not a
  // token (a \p{L} pattern), a uuid that is not one.
  const mutations = {
    "no title": (d) => delete d.catalog.metadata.title,
    "an id that is not a token": (d) => (d.catalog.groups[0].id = "1 not a token"),
    "a bad uuid": (d) => (d.catalog.uuid = "not-a-uuid"),
  };
  for (const [what, mutate] of Object.entries(mutations)) {
    const broken = structuredClone(exported);
    mutate(broken);
    if (validator("catalog")(broken)) {
      console.error(`FAIL a catalog with ${what} was accepted: the check is void`);
      failures++;
    } else {
      console.log(`ok a catalog with ${what} is rejected`);
    }
  }
} catch (e) {
  console.error(`FAIL ${e.message}`);
  failures++;
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`${checked} documents checked, ${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
