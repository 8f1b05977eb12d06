// The analyst console's Cypher linter: Neo4j 5's own (npm @neo4j-cypher/language-support, the version that
// tools/cypher-lint pins), bundled by build.mjs into server/web/static/vendor/cypher-lint-worker.min.js and run
// as a Web Worker by cypher-editor.mjs. Its semantic analysis is Neo4j's compiler (Java, compiled to JavaScript):
// a few MB of script that takes ~1 s to warm up and ~50-150 ms a statement, which would stall typing and the
// page's load on the main thread.
//
// Messages in:  {schema: {labels?, relationshipTypes?, propertyKeys?}}  (the graph's names, as it spells them)
//               {id, text}                                              (a document to lint)
// Messages out: {id, diagnostics: [{from, to, severity: 1 error | 2 warning | 3 information | 4 hint, message}]}
//               from and to are offsets into text.
import { isNotParamError, lintCypherQuery } from "@neo4j-cypher/language-support";

let schema = { defaultLanguage: "CYPHER 5" };

// Names the graph did not give (the page's schema is {} when the engine did not answer) are left out: the
// linter then checks none of that kind, rather than warning that every one is unknown.
function dbSchema({ labels, relationshipTypes, propertyKeys } = {}) {
  return {
    defaultLanguage: "CYPHER 5",
    ...(Array.isArray(labels) && Array.isArray(relationshipTypes) ? { labels, relationshipTypes } : {}),
    ...(Array.isArray(propertyKeys) ? { propertyKeys } : {}),
  };
}

function lint(text) {
  const length = text.length;
  const clamp = (offset) => Math.min(Math.max(offset, 0), length);
  return (
    lintCypherQuery(text, schema, { consoleCommandsEnabled: false })
      .diagnostics // The parameters are given beside the statement, and the engine reports one that is missing.
      .filter(isNotParamError)
      .map((d) => ({
        from: clamp(d.offsets.start),
        to: clamp(d.offsets.end),
        severity: d.severity ?? 1,
        message: d.message,
      }))
  );
}

self.onmessage = ({ data }) => {
  if (data.schema) {
    schema = dbSchema(data.schema);
    return;
  }
  let diagnostics;
  try {
    diagnostics = lint(data.text);
  } catch (error) {
    // A linter fault must not look like a fault of the statement: no diagnostics, and the reason in the console.
    console.warn("cypher lint failed:", error);
    diagnostics = [];
  }
  self.postMessage({ id: data.id, diagnostics });
};
