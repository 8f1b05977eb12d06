// Copies the browser builds the web pages use from node_modules into server/web/static/vendor/,
// so that every page is served from medgraph itself and nothing is loaded from the internet.
//
// GraphiQL's stylesheet embeds its fonts as data: URLs, which the content security policy (font-src 'self')
// refuses; they are written out as files beside it, named and versioned by their content the way
// server.web.rendering.static_url versions a URL, so that the static files serve them as immutable.
//
// The analyst console's Cypher editor (cypher-editor.mjs: CodeMirror 6 and @neo4j-cypher/codemirror) and its
// linter, Neo4j 5's own (cypher-lint-worker.mjs: @neo4j-cypher/language-support, run as a Web Worker), ship no
// browser build of their own, so esbuild bundles each. A bundle's licence file is written from what went into
// it (esbuild's metafile), so that it names every package the bundle holds and no other.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "..", "server", "web", "static", "vendor");
const files = [
  ["cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape.LICENSE.txt"],
  ["react/umd/react.production.min.js", "react.production.min.js"],
  ["react/LICENSE", "react.LICENSE.txt"],
  ["react-dom/umd/react-dom.production.min.js", "react-dom.production.min.js"],
  ["react-dom/LICENSE", "react-dom.LICENSE.txt"],
  ["graphiql/graphiql.min.js", "graphiql.min.js"],
  ["graphiql/LICENSE", "graphiql.LICENSE.txt"],
  ["@neo4j-cypher/codemirror/css/cypher-codemirror.css", "cypher-editor.css"],
];
// Each bundle: its source here, the file it becomes in vendor/, and that file's licences.
const BUNDLES = [
  ["cypher-editor.mjs", "cypher-editor.min.js", "cypher-editor.LICENSE.txt"],
  ["cypher-lint-worker.mjs", "cypher-lint-worker.min.js", "cypher-lint-worker.LICENSE.txt"],
];
// The package whose licence text stands in for a package that declares Apache-2.0 but ships no text of it
// (@neo4j-cypher's): the terms are the same for every package under it.
const APACHE_TEXT = "fuse.js/LICENSE";
// antlr4 (the parser under @neo4j-cypher's) declares BSD-3-Clause and ships no licence file; each of its
// sources names its holders in its first comment. That line and the licence's standard (SPDX) terms:
const ANTLR_HEADER = "antlr4/src/antlr4/index.js";
const BSD_3_CLAUSE = `Redistribution and use in source and binary forms, with or without modification, are permitted
provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of conditions and the
   following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the
   following disclaimer in the documentation and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or
   promote products derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED
WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO,
PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR
OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH
DAMAGE.`;
const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;
const FONTS = "graphiql-fonts";
const DATA_FONT = /url\(data:font\/(woff2?);base64,([A-Za-z0-9+/=]+)\)/g;

function digest(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}

function graphiqlStylesheet() {
  rmSync(join(vendor, FONTS), { recursive: true, force: true });
  mkdirSync(join(vendor, FONTS));
  const fonts = new Set();
  const css = readFileSync(join(modules, "graphiql", "graphiql.min.css"), "utf8").replace(
    DATA_FONT,
    (_, type, base64) => {
      const bytes = Buffer.from(base64, "base64");
      const name = `${digest(bytes)}.${type}`;
      if (!fonts.has(name)) {
        writeFileSync(join(vendor, FONTS, name), bytes);
        fonts.add(name);
      }
      return `url(${FONTS}/${name}?v=${name.split(".")[0]})`;
    },
  );
  if (css.includes("url(data:font/")) {
    throw new Error("graphiql.min.css still holds a data: font the pattern missed");
  }
  writeFileSync(join(vendor, "graphiql.min.css"), css);
  return fonts.size;
}

// The package that holds `file` (a path esbuild's metafile gives, relative to this folder).
function packageOf(file) {
  const parts = file.split("/");
  const at = parts.lastIndexOf("node_modules");
  const length = parts[at + 1].startsWith("@") ? 2 : 1;
  return join(here, ...parts.slice(0, at + 1 + length));
}

function apacheTerms() {
  const text = readFileSync(join(modules, APACHE_TEXT), "utf8");
  const end = text.indexOf("END OF TERMS AND CONDITIONS");
  if (end < 0) throw new Error(`${APACHE_TEXT} is no longer the Apache License 2.0 text`);
  return text.slice(0, end + "END OF TERMS AND CONDITIONS".length);
}

function bundleLicences(bundle, metafile) {
  const packages = new Set(Object.keys(metafile.inputs).filter((f) => f.includes("node_modules/")).map(packageOf));
  const sections = [];
  let apache = false;
  for (const dir of [...packages].sort()) {
    const { name, version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = licenceFile(dir);
    let body;
    if (file) {
      body = readFileSync(join(dir, file), "utf8").trim();
    } else if (name === "antlr4" && license === "BSD-3-Clause") {
      const holders = readFileSync(join(modules, ANTLR_HEADER), "utf8").match(/Copyright \(c\)[^\n]*/);
      if (!holders) throw new Error(`${ANTLR_HEADER} no longer names its copyright holders`);
      body = `${holders[0]}\n\n${BSD_3_CLAUSE}`;
    } else if (license === "Apache-2.0") {
      body = "The package ships no licence text; its package.json declares Apache-2.0, given at the end of this file.";
      apache = true;
    } else {
      throw new Error(`${name} ships no licence text and declares ${license}: add its text to build.mjs`);
    }
    sections.push(`${name} ${version} (${license})\n\n${body}`);
  }
  const head = `${bundle} bundles these ${packages.size} npm packages (tools/web-assets/build.mjs).`;
  const tail = apache ? [`Apache License 2.0 (the text of ${APACHE_TEXT})\n\n${apacheTerms()}`] : [];
  return [head, ...sections, ...tail].join(`\n\n${"=".repeat(78)}\n\n`) + "\n";
}

function licenceFile(dir) {
  return readdirSync(dir).find((name) => LICENCE_FILE.test(name)) ?? null;
}

// Bundles `source` into vendor/`bundle` and writes its licences; returns its size, raw and gzipped (as a server
// that compresses would send it: medgraph itself sends it raw).
async function bundleOf(source, bundle, licences) {
  const result = await build({
    entryPoints: [join(here, source)],
    absWorkingDir: here,
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2020",
    outfile: join(vendor, bundle),
    metafile: true,
    logLevel: "warning",
  });
  writeFileSync(join(vendor, licences), bundleLicences(bundle, result.metafile));
  const bytes = readFileSync(join(vendor, bundle));
  return { raw: statSync(join(vendor, bundle)).size, gzip: gzipSync(bytes, { level: 9 }).length };
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

mkdirSync(vendor, { recursive: true });
for (const [from, to] of files) {
  copyFileSync(join(modules, from), join(vendor, to));
}
const fonts = graphiqlStylesheet();
const sizes = [];
for (const [source, bundle, licences] of BUNDLES) sizes.push([bundle, await bundleOf(source, bundle, licences)]);
console.log(`web assets: ${files.length + 1 + 2 * BUNDLES.length} files and ${fonts} GraphiQL fonts in ${vendor}`);
for (const [bundle, { raw, gzip }] of sizes) console.log(`${bundle}: ${kib(raw)} (${kib(gzip)} gzipped)`);
