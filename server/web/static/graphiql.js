// GraphiQL on /graphql (templates/graphiql.html): React, ReactDOM and GraphiQL are the npm builds that the
// web asset build copies into vendor/ (tools/web-assets), loaded before this script. The page names the
// endpoint, and whether the schema may be introspected: when it may not, GraphiQL is given no schema, so that
// it does not send an introspection query the API would refuse, and runs queries without docs or completion.
// GraphiQL's dialogs write a <style> element (react-style-singleton), which the page's CSP admits only with
// the response's nonce: the library takes it from window.__webpack_nonce__ (server/web/graphiql_page.py).
(function () {
  "use strict";

  var EXAMPLE = [
    "# medgraph's GraphQL API. Ctrl-Enter (or \u25B6) runs the query;",
    "# the book icon, top left, opens the documentation.",
    "{",
    '  code(system: ICD10CM, code: "I82.401") {',
    "    code",
    "    title",
    "  }",
    "}",
    "",
  ].join("\n");

  var root = document.getElementById("graphiql");
  if (!root) {
    return;
  }
  if (!window.React || !window.ReactDOM || !window.GraphiQL) {
    var problem = document.createElement("p");
    problem.className = "graphiql-page__problem";
    problem.textContent =
      "GraphiQL's files are missing from this server: run the web asset build (make run does).";
    root.appendChild(problem);
    return;
  }

  var nonce = document.querySelector('meta[name="csp-nonce"]');
  if (nonce && nonce.nonce) {
    window.__webpack_nonce__ = nonce.nonce;
  }

  var h = window.React.createElement;
  var GraphiQL = window.GraphiQL;
  var props = {
    fetcher: GraphiQL.createFetcher({ url: root.getAttribute("data-endpoint") }),
    defaultQuery: EXAMPLE,
  };
  if (root.getAttribute("data-introspection") !== "true") {
    props.schema = null;
  }
  var logo = h(GraphiQL.Logo, null, h("a", { className: "graphiql-page__logo", href: "/" }, "medgraph"));
  window.ReactDOM.createRoot(root).render(h(GraphiQL, props, logo));
})();
