// Checks HTTP responses against docs/openapi.json: the operation (route template and method), the
// status (listed for the operation, else one of the document's `x-common-responses` that any
// request may get, else its `default`), the media type, and a JSON body against the response's
// schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it), with no member the schema does not
// describe.
//
// As a program it is the API test runner's coprocess (tests/api/run_api_tests.py): it reads one
// JSON object per line on stdin,
//   {"method": "GET", "path": "/api/v1/x?y=1", "status": 200, "content_type": "...", "length": 42,
//    "body": "..."}
// ("length" the body's bytes, "body" its text for a JSON media type, null otherwise) and answers
// each with one line
//   {"checked": true|false, "operation": "GET /api/v1/x", "problems": ["/a/0/b: must be ..."]}
// ("checked" false for the web UI's own paths, which the document does not describe).
// As a module it exports createValidator() for its own tests (validate_openapi.test.mjs).
//
// Usage: node validate_openapi.mjs [OPENAPI_JSON]   (env CYBERFRAME_WEB_DIR: where ajv is installed)

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { pathToFileURL } from "node:url";

const here = import.meta.dirname;
const webDir = process.env.CYBERFRAME_WEB_DIR ?? path.resolve(here, "../../web");
const require = createRequire(path.join(webDir, "package.json"));
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

export const defaultDocumentPath = path.resolve(here, "../../docs/openapi.json");

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
// The document's own id for ajv: every $ref "#/components/..." inside it resolves against it.
const DOCUMENT_ID = "https://cyberframe.invalid/openapi.json";
// Paths that are the web UI, not the API: the document does not describe them.
const WEB_UI = /^\/(?:$|index\.html$|assets\/)/;
// Problems listed per response, so that one wrong array does not drown the rest.
const MAX_PROBLEMS = 12;

function pointerEscape(s) {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

function mediaEssence(contentType) {
  return (contentType ?? "").split(";")[0].trim().toLowerCase();
}

function isJsonMedia(essence) {
  return essence === "application/json" || essence.endsWith("+json");
}

// The document as ajv needs it: every schema keyword checked (strict), OpenAPI's own annotation
// keywords known, formats of ajv-formats plus OpenAPI's "binary".
function makeAjv(document) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addFormat("binary", true);
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  // The whole document as one schema resource, so that refs into it resolve; its top-level
  // members are known keywords that validate nothing.
  ajv.addVocabulary(Object.keys(document).filter((k) => !ajv.getKeyword(k)));
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  return ajv;
}

// A path template as a matcher: {name} is one non-empty segment.
function templateMatcher(template) {
  const parts = template.split("/");
  const literals = parts.filter((p) => !/^\{[^}]+\}$/.test(p)).length;
  return {
    template,
    literals,
    matches(segments) {
      if (segments.length !== parts.length) return false;
      return parts.every((p, i) => (/^\{[^}]+\}$/.test(p) ? segments[i] !== "" : p === segments[i]));
    },
  };
}

export function createValidator(document = JSON.parse(readFileSync(defaultDocumentPath, "utf8"))) {
  const ajv = makeAjv(document);
  const templates = Object.keys(document.paths ?? {}).map(templateMatcher);
  const common = document["x-common-responses"] ?? {};
  const compiled = new Map();

  function resolve(object) {
    let seen = 0;
    while (object && typeof object.$ref === "string" && seen++ < 16) {
      const ref = object.$ref;
      if (!ref.startsWith("#/")) throw new Error(`cannot follow ${ref}: only refs inside the document`);
      object = ref
        .slice(2)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
        .reduce((o, k) => (o == null ? undefined : o[k]), document);
    }
    return object;
  }

  // The template that matches the path best: the most literal segments (/audit/verify before
  // /audit/{id}).
  function route(pathname) {
    const segments = pathname.split("/");
    let best = null;
    for (const t of templates) {
      if (t.matches(segments) && (!best || t.literals > best.literals)) best = t;
    }
    return best?.template ?? null;
  }

  function validatorFor(pointer) {
    if (!compiled.has(pointer)) compiled.set(pointer, ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` }));
    return compiled.get(pointer);
  }

  // Object members the schema does not describe, as "POINTER: undocumented member NAME". Every
  // branch of allOf, oneOf and anyOf counts as describing its members; an object schema without
  // `properties`, or with additionalProperties or patternProperties, takes anything.
  function undocumented(schema, value, where, out) {
    if (out.length >= MAX_PROBLEMS) return;
    const branches = [];
    const collect = (s, depth) => {
      s = resolve(s);
      if (!s || typeof s !== "object" || depth > 32) return;
      branches.push(s);
      for (const k of ["allOf", "oneOf", "anyOf"]) for (const b of s[k] ?? []) collect(b, depth + 1);
    };
    collect(schema, 0);
    if (Array.isArray(value)) {
      const items = branches.filter((b) => b.items && typeof b.items === "object").map((b) => b.items);
      if (items.length) value.forEach((v, i) => undocumented({ anyOf: items }, v, `${where}/${i}`, out));
      return;
    }
    if (value === null || typeof value !== "object") return;
    if (branches.some((b) => b.additionalProperties !== undefined && b.additionalProperties !== false)) {
      const extra = branches
        .filter((b) => typeof b.additionalProperties === "object")
        .map((b) => b.additionalProperties);
      for (const [k, v] of Object.entries(value)) {
        const described = branches.filter((b) => b.properties?.[k]).map((b) => b.properties[k]);
        const s = described.length ? described : extra;
        if (s.length) undocumented({ anyOf: s }, v, `${where}/${pointerEscape(k)}`, out);
      }
      return;
    }
    const withProperties = branches.filter((b) => b.properties);
    if (!withProperties.length || branches.some((b) => b.patternProperties)) return;
    for (const [k, v] of Object.entries(value)) {
      const described = withProperties.filter((b) => b.properties[k]).map((b) => b.properties[k]);
      if (!described.length) {
        out.push(`${where || "/"}: member "${k}" is not in the schema (document it, or stop sending it)`);
        if (out.length >= MAX_PROBLEMS) return;
      } else {
        undocumented({ anyOf: described }, v, `${where}/${pointerEscape(k)}`, out);
      }
    }
  }

  function schemaProblems(errors) {
    // allErrors reports every failing branch of a oneOf; keep the deepest, most specific ones first.
    const seen = new Set();
    const lines = [];
    for (const e of [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)) {
      let what = e.message;
      if (e.keyword === "enum") what += `: ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
      if (e.keyword === "const") what += `: ${JSON.stringify(e.params.allowedValue)}`;
      // Where in the document the rule is, when ajv can say (inside a component it can).
      const rule = decodeURIComponent(e.schemaPath).split("#")[1] ?? "";
      const line = `${e.instancePath || "/"}: ${what}` + (rule.startsWith("/components/") ? ` (${rule})` : "");
      if (!seen.has(line)) lines.push(line);
      seen.add(line);
    }
    return lines.slice(0, MAX_PROBLEMS);
  }

  // The problems of one response: [] when it keeps to the document.
  function check({ method, path: target, status, content_type: contentType, length, body }) {
    method = method.toUpperCase();
    const pathname = target.split("?")[0];
    const template = route(pathname);
    const verb = method === "HEAD" ? "get" : method.toLowerCase();
    const operation = template ? document.paths[template][verb] : undefined;
    const name = template ? `${method} ${template}` : `${method} ${pathname}`;
    if (!template && WEB_UI.test(pathname)) return { checked: false, operation: name, problems: [] };
    if (method === "OPTIONS" && !operation) {
      // Every path answers OPTIONS with 204 and Allow (the description of the document's info).
      const problems = status === 204 || status >= 400 ? [] : [`OPTIONS answered ${status}, not 204`];
      return { checked: true, operation: name, problems };
    }

    let response;
    let pointer;
    if (operation) {
      const responses = operation.responses ?? {};
      const key = [String(status), `${String(status)[0]}XX`].find((k) => k in responses);
      if (key) {
        response = responses[key];
        pointer = `/paths/${pointerEscape(template)}/${verb}/responses/${key}`;
      } else if (String(status) in common) {
        response = common[status];
        pointer = `/x-common-responses/${status}`;
      } else if ("default" in responses) {
        response = responses.default;
        pointer = `/paths/${pointerEscape(template)}/${verb}/responses/default`;
      } else {
        const listed = Object.keys(responses).join(", ");
        return {
          checked: true,
          operation: name,
          problems: [
            `status ${status} is not documented for ${name} (it lists ${listed}; nor is it in x-common-responses)`,
          ],
        };
      }
    } else if (String(status) in common && status >= 400) {
      // No such route or method: the answer is an error any path may give (404, 405).
      response = common[status];
      pointer = `/x-common-responses/${status}`;
    } else {
      const why = template ? `${template} has no ${method}` : "no path of the document matches";
      return { checked: true, operation: name, problems: [`${method} ${pathname} answered ${status}, but ${why}`] };
    }

    // A $ref'd response: follow it, and validate against the schema where it really is.
    while (response?.$ref) {
      pointer = response.$ref.slice(1);
      response = resolve({ $ref: response.$ref });
    }
    const content = response?.content ?? {};
    const documented = Object.keys(content);
    const essence = mediaEssence(contentType);
    if (method === "HEAD") return { checked: true, operation: name, problems: [] };
    if (!documented.length || status === 204 || status === 304) {
      const problems =
        length || body ? [`the document says ${status} has no body, got Content-Type ${contentType}`] : [];
      return { checked: true, operation: name, problems };
    }
    const media = documented.find((m) => mediaEssence(m) === essence);
    if (!media) {
      return {
        checked: true,
        operation: name,
        problems: [
          `Content-Type ${contentType || "(none)"} is not documented for ${status} ` +
            `(it lists ${documented.join(", ")})`,
        ],
      };
    }
    const schema = content[media].schema;
    if (!isJsonMedia(essence) || !schema) return { checked: true, operation: name, problems: [] };
    let value;
    try {
      value = JSON.parse(body ?? "");
    } catch (e) {
      return { checked: true, operation: name, problems: [`the body is not JSON (${e.message})`] };
    }
    const schemaPointer = `${pointer}/content/${pointerEscape(media)}/schema`;
    const validate = validatorFor(schemaPointer);
    const problems = validate(value) ? [] : schemaProblems(validate.errors);
    if (!problems.length) undocumented(schema, value, "", problems);
    return { checked: true, operation: name, problems };
  }

  // Compiles every response schema of the document (strict: an unknown keyword, such as a
  // misspelt "required", is an error), so a broken schema fails before any response needs it.
  function compileAll() {
    const problems = [];
    for (const [template, item] of Object.entries(document.paths ?? {})) {
      for (const verb of METHODS.filter((m) => item[m])) {
        for (const [status, r] of Object.entries(item[verb].responses ?? {})) {
          let response = r;
          let pointer = `/paths/${pointerEscape(template)}/${verb}/responses/${status}`;
          while (response?.$ref) {
            pointer = response.$ref.slice(1);
            response = resolve({ $ref: response.$ref });
          }
          if (!response) {
            problems.push(`${verb.toUpperCase()} ${template} ${status}: ${r.$ref} does not exist`);
            continue;
          }
          for (const [media, c] of Object.entries(response.content ?? {})) {
            if (!c.schema) continue;
            try {
              validatorFor(`${pointer}/content/${pointerEscape(media)}/schema`);
            } catch (e) {
              problems.push(`${verb.toUpperCase()} ${template} ${status} ${media}: ${e.message}`);
            }
          }
        }
      }
    }
    for (const [status, r] of Object.entries(common)) {
      if (!resolve(r)) problems.push(`x-common-responses ${status}: ${r.$ref} does not exist`);
    }
    return problems;
  }

  return { check, compileAll, route };
}

async function main() {
  const documentPath = process.argv[2] ?? defaultDocumentPath;
  let validator;
  try {
    validator = createValidator(JSON.parse(readFileSync(documentPath, "utf8")));
  } catch (e) {
    console.error(`${documentPath}: ${e.message}`);
    process.exit(2);
  }
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let answer;
    try {
      answer = validator.check(JSON.parse(line));
    } catch (e) {
      answer = { checked: true, operation: "", problems: [`the validator failed: ${e.message}`] };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
