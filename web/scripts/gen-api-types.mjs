// Writes src/lib/api-types.ts, the TypeScript of the API's JSON, from docs/openapi.json with
// openapi-typescript (pinned in package.json). `npm run gen:api` writes it; `npm run gen:api --
// --check` writes nothing and fails when the committed file differs from what the document
// gives now (ctest web.api_types), so the web UI's types cannot drift from the document.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const web = path.resolve(import.meta.dirname, "..");
const documentPath = path.resolve(web, "../docs/openapi.json");
const outputPath = path.join(web, "src/lib/api-types.ts");
const relative = (p) => path.relative(process.cwd(), p) || ".";

const HEADER = `// GENERATED from docs/openapi.json by openapi-typescript: do not edit. After changing the
// document, run \`npm run gen:api\` in web/ (ctest web.api_types fails while this file is stale).
// src/lib/types.ts names the types the UI uses.

`;

async function generate() {
  const ast = await openapiTS(pathToFileURL(documentPath), { silent: true });
  return HEADER + astToString(ast);
}

const check = process.argv.includes("--check");
let text;
try {
  text = await generate();
} catch (e) {
  console.error(`${relative(documentPath)}: ${e.message}`);
  process.exit(2);
}
if (!check) {
  writeFileSync(outputPath, text);
  console.log(`wrote ${relative(outputPath)} from ${relative(documentPath)}`);
  process.exit(0);
}
let committed = "";
try {
  committed = readFileSync(outputPath, "utf8");
} catch {
  // a missing file is stale too
}
if (committed === text) {
  console.log(`${relative(outputPath)} is up to date with ${relative(documentPath)}`);
  process.exit(0);
}
const ours = committed.split("\n");
const theirs = text.split("\n");
let line = 0;
while (line < ours.length && line < theirs.length && ours[line] === theirs[line]) line++;
console.error(
  `${relative(outputPath)} is stale: it differs from what ${relative(documentPath)} gives from line ${line + 1}\n` +
    `  committed: ${JSON.stringify(ours[line] ?? "(end of file)")}\n` +
    `  generated: ${JSON.stringify(theirs[line] ?? "(end of file)")}\n` +
    "run `npm run gen:api` in web/ and commit the result",
);
process.exit(1);
