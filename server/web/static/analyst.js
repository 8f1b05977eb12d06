// The analyst console: runs the statement through POST /analyst/query and shows the answer as a table and,
// when it holds nodes, as a graph (cytoscape, served from /static/vendor). Clicking a code in the graph adds
// its neighbours (a documented query); double-clicking opens its page. Without JavaScript the form posts to
// /analyst and the server renders the table.
// The Cypher textarea becomes an editor (static/vendor/cypher-editor.min.js: highlighting, completion of the
// graph's labels, relationship types and property keys, errors underlined by Neo4j 5's linter); it keeps the textarea's
// value equal to its text, so the run and the form read the textarea as before. Ctrl+Enter runs.
(function () {
  "use strict";

  var CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";
  var last = null;
  var cy = null;
  var editor = null;

  function $(id) { return document.getElementById(id); }

  function text(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "string") return value;
    if (typeof value === "object" && value.labels) return "(" + value.labels.join(":") + " " + JSON.stringify(value.properties) + ")";
    if (typeof value === "object" && value.type && value.start) return "[:" + value.type + "]";
    return JSON.stringify(value);
  }

  function cell(tag, content) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (tag === "th") el.scope = "col";
    return el;
  }

  function showError(error) {
    var box = document.createElement("div");
    box.className = "alert";
    box.id = "analyst-error";
    var p = document.createElement("p");
    var strong = cell("strong", error.code);
    p.appendChild(strong);
    p.appendChild(document.createTextNode(": " + error.message));
    box.appendChild(p);
    $("analyst-status").replaceChildren(box);
  }

  function showTable(answer) {
    var table = document.createElement("table");
    table.className = "analyst-table";
    var head = document.createElement("tr");
    answer.columns.forEach(function (c) { head.appendChild(cell("th", c)); });
    var thead = document.createElement("thead");
    thead.appendChild(head);
    var tbody = document.createElement("tbody");
    answer.rows.forEach(function (row) {
      var tr = document.createElement("tr");
      row.forEach(function (v) { tr.appendChild(cell("td", text(v))); });
      tbody.appendChild(tr);
    });
    table.appendChild(thead);
    table.appendChild(tbody);
    $("analyst-table").replaceChildren(table);
    var n = answer.rows.length;
    var summary = cell("p", n + " row" + (n === 1 ? "" : "s") + (answer.truncated ? " (truncated)" : "") + " in " + answer.ms + " ms");
    summary.id = "analyst-summary";
    $("analyst-status").replaceChildren(summary);
  }

  function nodeLabel(node) {
    var p = node.properties;
    return String(p.code || p.name || p.title || p.key || p.uid || node.labels.join(":"));
  }

  function elements(answer) {
    var out = [];
    answer.nodes.forEach(function (n) {
      out.push({ group: "nodes", data: { id: n.id, label: nodeLabel(n), uid: n.properties.uid || "",
        system: n.properties.system || "", code: n.properties.code || "" } });
    });
    var ids = {};
    answer.nodes.forEach(function (n) { ids[n.id] = true; });
    answer.relationships.forEach(function (r) {
      if (ids[r.start] && ids[r.end]) out.push({ group: "edges", data: { id: r.id, source: r.start, target: r.end, label: r.type } });
    });
    return out;
  }

  function showGraph(answer, add) {
    var container = $("analyst-graph");
    if (typeof window.cytoscape !== "function" || (!add && answer.nodes.length === 0)) {
      if (!add) container.hidden = true;
      return;
    }
    if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
      var placeholder = document.createElement("meta");
      placeholder.id = CYTOSCAPE_STYLESHEET_ID;
      document.head.appendChild(placeholder);
    }
    container.hidden = false;
    if (!add || !cy) {
      if (cy) cy.destroy();
      cy = window.cytoscape({
        container: container,
        elements: [],
        style: [
          { selector: "node", style: { "background-color": "#0b57a4", label: "data(label)", "font-size": 10, color: "#1b2430" } },
          { selector: "edge", style: { width: 1.5, "line-color": "#b8c1cc", "target-arrow-color": "#b8c1cc",
            "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 8 } },
        ],
      });
      cy.on("tap", "node", function (event) { expand(event.target.data("uid")); });
      window.medgraphAnalystGraph = cy; // for the browser tests, which tap a node as a person would
      cy.on("dbltap", "node", function (event) {
        var d = event.target.data();
        if (d.system && d.code) window.location.href = "/codes/" + encodeURIComponent(d.system) + "/" + encodeURIComponent(d.code);
      });
    }
    elements(answer).forEach(function (e) { if (cy.getElementById(e.data.id).empty()) cy.add(e); });
    cy.layout({ name: "cose", animate: false }).run();
    container.dataset.nodes = String(cy.nodes().length);
  }

  function post(query, parameters) {
    var headers = { "Content-Type": "application/json" };
    var key = $("analyst-key");
    if (key && key.value) headers.Authorization = "Bearer " + key.value;
    return fetch("/analyst/query", { method: "POST", headers: headers, body: JSON.stringify({ query: query, parameters: parameters }) })
      .then(function (response) { return response.json(); });
  }

  function expand(uid) {
    if (!uid) return;
    post($("analyst-form").dataset.expandQuery, { uid: uid }).then(function (answer) {
      if (!answer.error) showGraph(answer, true);
    });
  }

  function run(event) {
    event.preventDefault();
    var parameters;
    try {
      parameters = JSON.parse($("analyst-parameters").value.trim() || "{}");
    } catch (e) {
      showError({ code: "BAD_REQUEST", message: "the parameters must be a JSON object" });
      return;
    }
    $("analyst-status").replaceChildren(cell("p", "Running…"));
    post($("analyst-query").value, parameters).then(function (answer) {
      if (answer.error) {
        showError(answer.error);
        return;
      }
      last = answer;
      showTable(answer);
      showGraph(answer, false);
      $("analyst-csv").hidden = false;
      $("analyst-json").hidden = false;
    }, function () { showError({ code: "UNAVAILABLE", message: "the console did not answer" }); });
  }

  function download(name, type, content) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function csvField(value) {
    var s = text(value);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function exportCsv() {
    if (!last) return;
    var lines = [last.columns.map(csvField).join(",")].concat(last.rows.map(function (r) { return r.map(csvField).join(","); }));
    download("medgraph-query.csv", "text/csv", lines.join("\r\n") + "\r\n");
  }

  function exportJson() {
    if (last) download("medgraph-query.json", "application/json", JSON.stringify(last, null, 2));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = $("analyst-form");
    if (!form) return;
    var examples = JSON.parse($("analyst-examples-data").textContent);
    if (window.medgraphCypherEditor) {
      editor = window.medgraphCypherEditor.attach($("analyst-query"), {
        schema: JSON.parse($("analyst-schema").textContent),
        onRun: function () { form.requestSubmit(); },
      });
      window.medgraphAnalystEditor = editor; // for the browser tests, which read what the editor holds
    }
    document.querySelectorAll("[data-example]").forEach(function (button) {
      button.addEventListener("click", function () {
        var e = examples[Number(button.dataset.example)];
        if (editor) editor.setValue(e.query);
        else $("analyst-query").value = e.query;
        $("analyst-parameters").value = JSON.stringify(e.parameters);
        form.requestSubmit();
      });
    });
    form.addEventListener("submit", run);
    $("analyst-csv").addEventListener("click", exportCsv);
    $("analyst-json").addEventListener("click", exportJson);
  });
})();
