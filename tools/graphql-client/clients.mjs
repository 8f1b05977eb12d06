// A real GraphQL client (urql) against a running medgraph: prints one JSON line per check, {check, ok, ...},
// and exits 1 when a check fails. Usage: node clients.mjs http://127.0.0.1:8000
//
// persisted: automatic persisted queries as urql's persistedExchange speaks them (Apollo's protocol), by GET.
//   The first request carries only the document's SHA-256; the server does not know it (the operation name
//   holds a nonce, so no earlier run or test registered it) and answers PersistedQueryNotFound; the client
//   sends the document with its hash, which registers it; the same query again goes by hash alone.
// cursors: three pages of search(first: 5) through pageInfo.endCursor; no code may repeat.
// Every request the client makes goes through a fetch that records its method, URL and body.
import { createHash, randomBytes } from "node:crypto";
import { Client, fetchExchange, gql, stringifyDocument } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";

const base = process.argv[2];
if (!base) {
  console.error("usage: node clients.mjs <medgraph base url>");
  process.exit(2);
}
const endpoint = `${base.replace(/\/+$/, "")}/graphql`;

/** A fetch that records each request (method, URL parameters or body) and the answer's status and codes. */
function recordingFetch(log) {
  return async (input, init = {}) => {
    const url = new URL(typeof input === "string" ? input : input.url);
    const method = (init.method ?? "GET").toUpperCase();
    const params =
      method === "GET"
        ? Object.fromEntries([...url.searchParams].map(([k, v]) => [k, k === "query" || k === "operationName" ? v : JSON.parse(v)]))
        : JSON.parse(init.body);
    const response = await fetch(input, init);
    const answer = await response.clone().json().catch(() => null);
    log.push({
      method,
      path: url.pathname,
      sent: Object.keys(params).sort(),
      hasQuery: typeof params.query === "string",
      hash: params.extensions?.persistedQuery?.sha256Hash ?? null,
      variables: params.variables ?? null,
      status: response.status,
      cache: response.headers.get("x-cache"),
      errorCodes: (answer?.errors ?? []).map((e) => e.extensions?.code ?? e.message),
    });
    return response;
  };
}

function client(log, exchanges) {
  return new Client({ url: endpoint, exchanges, fetch: recordingFetch(log), requestPolicy: "network-only" });
}

const sha256 = (text) => createHash("sha256").update(text).digest("hex");

async function persisted() {
  const requests = [];
  const urql = client(requests, [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange]);
  const name = `NodeClientCheck_${randomBytes(6).toString("hex")}`;
  const query = gql(`
    query ${name}($system: CodeSystem!, $code: String!) {
      code(system: $system, code: $code) { code title billable }
    }
  `);
  const variables = { system: "ICD10CM", code: "I82.401" };
  const first = await urql.query(query, variables).toPromise();
  const sentFirst = requests.length;
  const again = await urql.query(query, variables).toPromise();
  // The hash is of the document as urql prints it (stringifyDocument), the text it sends on a miss.
  const expectedHash = sha256(stringifyDocument(query));
  const [miss, register, repeat] = requests;
  const checks = {
    firstIsHashOnlyGet: miss?.method === "GET" && !miss.hasQuery && miss.hash === expectedHash,
    missAnswered: miss?.status === 200 && miss.errorCodes.includes("PERSISTED_QUERY_NOT_FOUND"),
    retriedWithDocument: register?.hasQuery === true && register.hash === expectedHash && register.errorCodes.length === 0,
    firstAnswer: first.data?.code?.title === "Acute embolism and thrombosis of unspecified deep veins of right lower extremity",
    repeatIsHashOnlyGet: repeat?.method === "GET" && !repeat.hasQuery && repeat.hash === expectedHash && repeat.errorCodes.length === 0,
    repeatAnswer: JSON.stringify(again.data) === JSON.stringify(first.data),
    requestCounts: sentFirst === 2 && requests.length === 3,
  };
  return {
    check: "persisted",
    ok: Object.values(checks).every(Boolean),
    checks,
    expectedHash,
    requests,
    data: first.data ?? null,
    error: first.error?.message ?? again.error?.message ?? null,
  };
}

async function cursors() {
  const requests = [];
  const urql = client(requests, [fetchExchange]);
  const query = gql`
    query Page($after: String) {
      search(query: "deep vein thrombosis", first: 5, after: $after) {
        totalCount
        edges { cursor node { system code } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;
  const pages = [];
  let after = null;
  let error = null;
  for (let page = 0; page < 3; page++) {
    const result = await urql.query(query, { after }).toPromise();
    if (result.error || !result.data?.search) {
      error = result.error?.message ?? "no search in the answer";
      break;
    }
    const { totalCount, edges, pageInfo } = result.data.search;
    pages.push({ totalCount, codes: edges.map((e) => `${e.node.system}:${e.node.code}`), pageInfo });
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  const codes = pages.flatMap((p) => p.codes);
  const checks = {
    threePages: pages.length === 3,
    fivePerPage: pages.every((p) => p.codes.length === 5),
    distinct: codes.length === 15 && new Set(codes).size === 15,
    stableTotal: pages.length > 0 && pages.every((p) => p.totalCount === pages[0].totalCount),
    // What was sent: the first page without a cursor, each next one after the endCursor of the one before.
    chained:
      requests.length === pages.length &&
      requests.every((r, i) => (r.variables?.after ?? null) === (i === 0 ? null : pages[i - 1].pageInfo.endCursor)),
  };
  return { check: "cursors", ok: Object.values(checks).every(Boolean), checks, pages, codes, error };
}

let failed = false;
for (const run of [persisted, cursors]) {
  let result;
  try {
    result = await run();
  } catch (exc) {
    result = { check: run.name, ok: false, error: String(exc?.stack ?? exc) };
  }
  failed ||= !result.ok;
  console.log(JSON.stringify(result));
}
process.exit(failed ? 1 : 0);
