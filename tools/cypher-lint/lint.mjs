// Lints Cypher statements with Neo4j's own linter (npm @neo4j-cypher/language-support, pinned).
//
//   node tools/cypher-lint/lint.mjs [--no-cache] < request.json > result.json
//
// stdin:  {labels: [...], relationshipTypes: [...], propertyKeys?: [...],
//          queries: [{name, text, parameters: [names]}]}
// stdout: [{name, parameters: [names Neo4j's parser found],
//           diagnostics: [{severity, message, line, character}]}]   (one entry per query, same order)
//
// severity is LSP's DiagnosticSeverity: 1 error, 2 warning (unknown label / relationship type /
// property, deprecated syntax or function). line and character are 0-based (LSP positions).
// The statements are checked as Neo4j 5 Cypher against the database schema given (labels,
// relationship types, the query's parameters, optionally property keys) and Neo4j's built-in
// functions and procedures. Some rules are ours (messages start with "medgraph:"): a query must be
// exactly one statement (the driver sends one), without a `CYPHER <version>` prefix, and every label
// and relationship type must be declared, also where Neo4j's linter does not look: it checks names
// in reading positions only (MATCH, WHERE, expressions), not those that CREATE, MERGE, SET, REMOVE
// or schema commands (CREATE CONSTRAINT / INDEX) name.
//
// lintCypherQuery is synchronous and runs Neo4j's semantic analysis (compiled from Java), which
// costs ~50-150 ms per statement. So big batches are spread over worker threads, and results are
// cached in node_modules/.cache by the hash of everything that decides them (this file, the
// library version, schema, text, parameters); `npm ci` wipes that cache.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const LIBRARY = '@neo4j-cypher/language-support';
const CYPHER_VERSION = 'CYPHER 5';
const MIN_QUERIES_PER_WORKER = 16; // a worker needs ~1 s to load and warm up the linter
const HERE = new URL('.', import.meta.url);
const CACHE_FILE = new URL('node_modules/.cache/medgraph-cypher-lint.json', HERE);

async function loadLibrary() {
  try {
    const library = await import(LIBRARY);
    // Not exported by the package; imported by path from the same build (so `instanceof` holds) to
    // walk the parse tree for undeclared labels. The version is pinned: see package.json.
    const src = new URL(`node_modules/${LIBRARY}/dist/esm/project/language-support/src/`, HERE);
    const { createParsingResult } = await import(new URL('cypherLanguageService.js', src));
    const { inNodeLabel, inRelationshipType } = await import(new URL('helpers.js', src));
    const parser = await import(new URL('generated-parser/CypherCmdParser.js', src));
    return { ...library, internals: { createParsingResult, inNodeLabel, inRelationshipType, parser } };
  } catch (error) {
    throw new Error(
      `cannot load ${LIBRARY} (${error.message}); install it with ` +
        '`npm ci --prefix tools/cypher-lint` (or `make test`)',
    );
  }
}

// Neo4j's catalog of functions and procedures as the package ships it (exported as testData:
// a Neo4j Enterprise catalog including APOC and GDS). We keep the built-ins only, so a misspelt
// function or an unknown YIELD column is an error, and so is APOC, which Neo4j 5 lacks by default.
function builtInCatalog(library) {
  const catalog = library.testData?.mockSchema;
  const functions = catalog?.functions?.[CYPHER_VERSION];
  const procedures = catalog?.procedures?.[CYPHER_VERSION];
  if (!functions || !procedures) {
    throw new Error(`${LIBRARY} no longer exports testData.mockSchema: update lint.mjs`);
  }
  return {
    functions: {
      [CYPHER_VERSION]: Object.fromEntries(Object.entries(functions).filter(([, f]) => f.isBuiltIn)),
    },
    procedures: {
      [CYPHER_VERSION]: Object.fromEntries(
        Object.entries(procedures).filter(([name]) => /^(db|dbms|tx)\./.test(name)),
      ),
    },
  };
}

function lintAll(library, request, queries) {
  const { lintCypherQuery, parseParameters, parseStatementsStrs } = library;
  const schema = {
    labels: request.labels,
    relationshipTypes: request.relationshipTypes,
    ...(request.propertyKeys ? { propertyKeys: request.propertyKeys } : {}),
    defaultLanguage: CYPHER_VERSION,
    ...builtInCatalog(library),
  };
  const labels = new Set(request.labels);
  const relationshipTypes = new Set(request.relationshipTypes);
  const both = new Set([...labels, ...relationshipTypes]);
  return queries.map(({ name, text, parameters }) => {
    // Only the presence of a parameter matters to the linter, not its value. It looks names up
    // with inner backticks still doubled, so declare that spelling too.
    const declared = {};
    for (const parameter of parameters) {
      declared[parameter] = null;
      declared[parameter.replaceAll('`', '``')] = null;
    }
    const result = lintCypherQuery(
      text,
      { ...schema, parameters: declared },
      { consoleCommandsEnabled: false },
    );
    const diagnostics = result.diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line,
      character: d.range.start.character,
    }));
    const flagged = new Set(
      result.diagnostics.filter((d) => d.message.includes(' is not present in')).map((d) => d.offsets.start),
    );
    for (const name of namedLabels(library.internals, text)) {
      const known =
        name.kind === 'Label' ? labels : name.kind === 'Relationship type' ? relationshipTypes : both;
      if (!known.has(name.text) && !flagged.has(name.offset)) {
        diagnostics.push({
          severity: 2,
          message: `medgraph: ${name.kind} ${name.text} is not in graph.model`,
          line: name.line,
          character: name.character,
        });
      }
    }
    const statements = parseStatementsStrs(text).length;
    if (statements !== 1) {
      diagnostics.push(ownError(`medgraph: a query must be exactly one statement, found ${statements}`));
    }
    if (/^\s*CYPHER\s+\d/i.test(text)) {
      diagnostics.push(ownError('medgraph: no `CYPHER <version>` prefix; Neo4j 5 runs Cypher 5'));
    }
    diagnostics.sort((a, b) => a.line - b.line || a.character - b.character);
    const found = parseParameters(text, false).map((p) => p.replaceAll('``', '`'));
    return { name, parameters: found, diagnostics };
  });
}

const KINDS = { node: 'Label', relationship: 'Relationship type', expression: 'Label or relationship type' };

// Every label and relationship type the statement names, wherever it names it.
function namedLabels({ createParsingResult, inNodeLabel, inRelationshipType, parser }, text) {
  const found = [];
  const add = (nameCtx, kind) => {
    const raw = nameCtx.getText();
    const quoted = raw.startsWith('`') && raw.endsWith('`');
    found.push({
      kind,
      text: quoted ? raw.slice(1, -1).replaceAll('``', '`') : raw,
      offset: nameCtx.start.start,
      line: nameCtx.start.line - 1,
      character: nameCtx.start.column,
    });
  };
  const walk = (ctx) => {
    if (ctx instanceof parser.LabelTypeContext || ctx instanceof parser.NodeLabelsIsContext) {
      const nameCtx = ctx.symbolicNameString();
      if (nameCtx) add(nameCtx, 'Label');
    } else if (ctx instanceof parser.RelTypeContext) {
      add(ctx.symbolicNameString(), 'Relationship type');
    } else if (ctx instanceof parser.LabelOrRelTypeContext) {
      const nameCtx = ctx.symbolicNameString();
      if (nameCtx) add(nameCtx, inRelationshipType(ctx) ? 'Relationship type' : 'Label');
    } else if (ctx instanceof parser.LabelNameContext) {
      const where = inNodeLabel(ctx) ? 'node' : inRelationshipType(ctx) ? 'relationship' : 'expression';
      add(ctx.symbolicNameString(), KINDS[where]);
    } else if (ctx instanceof parser.MultiLabelNodePatternContext) {
      for (const nameCtx of ctx.symbolicNameString()) add(nameCtx, 'Label');
    } else if (ctx instanceof parser.MultiRelTypeRelPatternContext) {
      for (const nameCtx of ctx.symbolicNameString()) add(nameCtx, 'Relationship type');
    }
    for (const child of ctx.children ?? []) walk(child);
  };
  for (const statement of createParsingResult(text, { consoleCommandsEnabled: false }).statementsParsing) {
    walk(statement.ctx);
  }
  return found;
}

function ownError(message) {
  return { severity: 1, message, line: 0, character: 0 };
}

async function lintInWorkers(request, queries) {
  const workers = Math.min(availableParallelism(), Math.ceil(queries.length / MIN_QUERIES_PER_WORKER));
  const shares = Array.from({ length: workers }, () => []);
  queries.forEach((query, i) => shares[i % workers].push(query));
  const results = await Promise.all(
    shares
      .slice(1)
      .map(
        (share) =>
          new Promise((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { request, queries: share } });
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.once('exit', (code) => code === 0 || reject(new Error(`lint worker exited with ${code}`)));
          }),
      )
      .concat([loadLibrary().then((library) => lintAll(library, request, shares[0]))]),
  );
  // Put the results back in the order of the queries: the main thread linted share 0.
  const ordered = [results.at(-1), ...results.slice(0, -1)];
  return queries.map((_, i) => ordered[i % workers][Math.floor(i / workers)]);
}

function cacheKeys(request) {
  let version;
  try {
    version = JSON.parse(readFileSync(new URL(`node_modules/${LIBRARY}/package.json`, HERE), 'utf8')).version;
  } catch {
    return request.queries.map(() => undefined); // not installed: loadLibrary says what to do
  }
  const base = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(JSON.stringify([version, request.labels, request.relationshipTypes, request.propertyKeys]));
  return request.queries.map((q) =>
    base
      .copy()
      .update(JSON.stringify([q.text, q.parameters]))
      .digest('hex'),
  );
}

function readCache() {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function writeCache(entries) {
  mkdirSync(new URL('.', CACHE_FILE), { recursive: true });
  const partial = `${fileURLToPath(CACHE_FILE)}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(entries));
  renameSync(partial, CACHE_FILE);
}

function validate(request) {
  const names = (value) => Array.isArray(value) && value.every((v) => typeof v === 'string');
  const ok =
    request &&
    names(request.labels) &&
    names(request.relationshipTypes) &&
    (request.propertyKeys === undefined || names(request.propertyKeys)) &&
    Array.isArray(request.queries) &&
    request.queries.every(
      (q) => typeof q?.name === 'string' && typeof q.text === 'string' && names(q.parameters),
    );
  if (!ok) {
    throw new Error(
      'expected {labels, relationshipTypes, propertyKeys?, queries: [{name, text, parameters}]}',
    );
  }
}

async function main() {
  const useCache = !process.argv.includes('--no-cache');
  const request = JSON.parse(readFileSync(0, 'utf8'));
  validate(request);
  const keys = useCache ? cacheKeys(request) : request.queries.map(() => undefined);
  const cache = useCache ? readCache() : {};
  const cached = (i) => keys[i] !== undefined && Object.hasOwn(cache, keys[i]);
  const missing = request.queries.filter((_, i) => !cached(i));
  const linted = missing.length > 0 ? await lintInWorkers(request, missing) : [];
  let next = 0;
  const results = request.queries.map((q, i) => ({
    ...(cached(i) ? cache[keys[i]] : linted[next++]),
    name: q.name,
  }));
  if (useCache && missing.length > 0) {
    writeCache(Object.fromEntries(keys.map((key, i) => [key, results[i]])));
  }
  process.stdout.write(JSON.stringify(results));
}

if (isMainThread) {
  main().catch((error) => {
    process.stderr.write(`cypher-lint: ${error.message}\n`);
    process.exitCode = 2;
  });
} else {
  loadLibrary().then((library) =>
    parentPort.postMessage(lintAll(library, workerData.request, workerData.queries)),
  );
}
