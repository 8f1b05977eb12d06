// The picture of a code's neighbourhood on its page, drawn with cytoscape (served from /static/vendor).
// The page lists every connection; this small script adds a "Show the picture" button and loads cytoscape
// (435 KB, its fingerprinted URL in data-graph-script) only when the button is pressed. The data is the JSON
// the server put beside it (<script type="application/json">); a node with a page opens it when selected.
(function () {
  "use strict";

  // cytoscape adds an inline <style> element unless one with this id exists. The page's CSP refuses inline
  // styles, and app.css does not need the one rule it would add, so a placeholder stands in for it.
  var CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";

  var PHONE = 600; // a narrower box gets the phone's layout
  var PADDING = 16;
  var GAP = 6; // between two rows' labels
  var FEW_ROWS = 8;
  var FEW = 12; // a picture of at most this many lines names them all
  var CLEAR = 70; // a fan's name goes on a line to a node at least this far above or below the code
  var FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var COLORS = { edge: "#9aa5b1", own: "#6b7684", near: "#0b57a4", label: "#1b2430", relation: "#3d4754" };

  // Where each node goes. Neither built-in layout reads here: `concentric` and `breadthfirst` space nodes by
  // their size, not their labels', so forty labelled nodes either overlap or are scaled down to a 7 px
  // font, and on a ring the labels at the top and bottom run into each other. Instead every node gets a row
  // of its own, as high as its label (measured once drawn), and the box grows to the rows: the picture is
  // never scaled down, so labels keep their size (13 px, 12 on a phone). On a wide box the code sits in the
  // middle and the others on two arcs to its left and right, labels pointing outwards, the lines to the
  // code fanning out between them. On a phone, where two columns of labels would not fit, the code heads
  // one column, like a tree: its lines run down one trunk and branch off to each node. The nodes arrive
  // grouped by kind (codes, conditions, drugs, risks …): each kind stays together.
  function geometry(width, count) {
    var phone = width < PHONE;
    var few = count <= 2 * FEW_ROWS; // a few rows each side: taller rows, room for their lines' names
    // From the code to the nearest node: what a label of a short title (about 215 px) leaves, the arcs'
    // bow (a third of it) included.
    var reach = phone ? 100 : Math.max(80, (width / 2 - PADDING - 24 - 215) / 1.3);
    var bow = phone ? 0 : reach * 0.3; // how far the arcs bow outwards in the middle
    var labelWidth = phone ? width - 2 * PADDING - reach - 40 : width / 2 - PADDING - reach - bow - 24;
    return {
      phone: phone, reach: reach, bow: bow, labelWidth: Math.floor(labelWidth), font: phone ? 12 : 13,
      row: few ? (phone ? 30 : 40) : 18,
    };
  }

  // The nodes on each side: halves, or as near halves as a cut between two kinds goes (within an eighth).
  function sides(nodes, phone) {
    if (phone) return [[], nodes];
    var half = Math.ceil(nodes.length / 2);
    var cuts = [];
    for (var i = 1; i < nodes.length; i++) {
      if (nodes[i].data("kind") !== nodes[i - 1].data("kind") && Math.abs(i - half) <= nodes.length / 8) cuts.push(i);
    }
    cuts.sort(function (a, b) { return Math.abs(a - half) - Math.abs(b - half); });
    var cut = cuts.length ? cuts[0] : half;
    return [nodes.slice(0, cut), nodes.slice(cut)];
  }

  function positions(cy, shape) {
    var focus = cy.nodes("[focus = 'yes']");
    var others = cy.nodes().not(focus).toArray();
    var split = sides(others, shape.phone);
    var place = {};
    var focusHeight = focus.length ? focus.boundingBox({ includeLabels: true }).h : 0;
    focus.forEach(function (n) { place[n.id()] = { x: 0, y: 0 }; });
    [[split[0], -1], [split[1], 1]].forEach(function (arc) {
      var side = arc[0];
      var heights = side.map(function (n) { return Math.max(n.boundingBox({ includeLabels: true }).h + GAP, shape.row); });
      var total = heights.reduce(function (a, b) { return a + b; }, 0);
      var y = shape.phone ? focusHeight + GAP * 2 : -total / 2;
      side.forEach(function (n, i) {
        var middle = y + heights[i] / 2;
        var t = total ? middle / (total / 2) : 0; // -1 … 1 down the arc
        var out = shape.phone ? 0 : Math.cos(Math.max(-1, Math.min(1, t)) * Math.PI / 2) * shape.bow;
        place[n.id()] = { x: arc[1] * (shape.reach + out), y: middle };
        n.data("side", arc[1] < 0 ? "left" : "right");
        y += heights[i];
      });
    });
    return place;
  }

  // One relationship label per fan of lines: consecutive nodes that the code reaches by the same
  // relationship ("has risk" to six risks) share one label, on the middle line of the fan, near its node.
  // Labelling all of them would stack forty labels around the code; pointing at a node names all its
  // lines, and every connection is in the list below.
  function nameFans(cy) {
    if (cy.edges().length <= FEW) { cy.edges().addClass("named"); return; }
    var focus = cy.nodes("[focus = 'yes']");
    ["left", "right"].forEach(function (side) {
      var run = [];
      var flush = function () {
        if (!run.length) return;
        // The middle line, or the nearest to it whose name stays clear of the code's own label.
        var middle = Math.floor((run.length - 1) / 2);
        var order = run.map(function (edge, i) { return i; });
        order.sort(function (a, b) { return Math.abs(a - middle) - Math.abs(b - middle); });
        var clear = order.filter(function (i) { return Math.abs(ends(run[i]).y - focus.position("y")) >= CLEAR; });
        run[clear.length ? clear[0] : middle].addClass("named");
        run = [];
      };
      var ends = function (edge) { return edge.source().same(focus) ? edge.target().position() : edge.source().position(); };
      cy.nodes("[side = '" + side + "']").forEach(function (node) {
        var edge = node.edgesWith(focus)[0];
        if (!edge) { flush(); return; }
        if (run.length && run[0].data("label") !== edge.data("label")) flush();
        run.push(edge);
      });
      flush();
    });
  }

  // How far a line between two neighbours bows out (cytoscape's control-point-distance, positive to the
  // right of the line's way on the screen): on a phone out to the left of the column, off the labels; on a
  // wide box only a line that would run through the code, round it.
  function bend(from, to, shape) {
    var dx = to.x - from.x, dy = to.y - from.y;
    var length = Math.sqrt(dx * dx + dy * dy) || 1;
    var right = { x: -dy / length, y: dx / length }; // the right of the way, with y downwards
    var middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    var away = shape.phone ? { x: -1, y: 0 } : middle;
    var side = right.x * away.x + right.y * away.y < 0 ? -1 : 1;
    if (shape.phone) return side * 40;
    var near = Math.abs(from.x * to.y - from.y * to.x) / length; // from the code to the line
    return near < 60 ? side * (90 - near) : 0;
  }

  function style(shape) {
    var relation = {
      "font-size": 11,
      "font-family": FONT_FAMILY,
      color: COLORS.relation,
      "text-background-color": "#ffffff",
      "text-background-opacity": 1,
      "text-background-padding": "2px",
    };
    // On a phone the code's lines form a tree: down the trunk from the code, then along to the node (or back,
    // for a line into the code), named on that last stretch; the lines among the neighbours bow out to the
    // left of the column, off the labels.
    var phoneRules = [
      { selector: "edge[focus = 'yes']", style: { "curve-style": "taxi", "taxi-turn": "100%", "taxi-direction": "downward" } },
      { selector: "edge[focus = 'yes'][into = 'yes']", style: { "taxi-direction": "leftward" } },
      { selector: "edge", style: { "source-text-rotation": "none", "target-text-rotation": "none", "source-text-offset": shape.reach / 2, "target-text-offset": shape.reach / 2 } },
    ];
    return [
      {
        selector: "node",
        style: {
          shape: "data(shape)",
          "background-color": "data(colour)",
          "border-color": "data(colour)",
          "border-width": 0,
          width: 16,
          height: 16,
          label: "data(label)",
          color: COLORS.label,
          "font-size": shape.font,
          "font-family": FONT_FAMILY,
          "text-wrap": "wrap",
          "text-max-width": shape.labelWidth + "px",
          "text-valign": "center",
          "text-halign": "right",
          "text-margin-x": 8,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.9,
          "text-background-padding": "1px",
        },
      },
      // No page of its own: drawn hollow, and the pointer does not change over it.
      { selector: "node[href = '']", style: { "background-color": "#ffffff", "border-width": 2 } },
      { selector: "node[side = 'left']", style: { "text-halign": "left", "text-justification": "right", "text-margin-x": -8 } },
      { selector: "node[side = 'right']", style: { "text-justification": "left" } },
      {
        selector: "node[focus = 'yes']",
        style: shape.phone
          ? { width: 24, height: 24, "outline-width": 2, "outline-color": "#1b2430", "outline-offset": 2, "font-weight": "bold", "text-margin-x": 10 }
          : {
              width: 28, height: 28, "outline-width": 2, "outline-color": "#1b2430", "outline-offset": 2,
              "font-weight": "bold", "text-valign": "bottom", "text-halign": "center", "text-margin-x": 0, "text-margin-y": 8,
              "text-max-width": "130px", // clear of the names of the fans beside it
            },
      },
      { selector: "node.hover", style: { "underlay-color": COLORS.near, "underlay-opacity": 0.25, "underlay-padding": 5 } },
      {
        selector: "edge",
        style: Object.assign({
          width: 1,
          "line-color": COLORS.edge,
          "target-arrow-color": COLORS.edge,
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.7,
          "curve-style": "straight",
          opacity: 0.18,
          "text-rotation": "autorotate",
          "source-text-rotation": "autorotate",
          "target-text-rotation": "autorotate",
          "source-text-offset": 36,
          "target-text-offset": 36,
        }, relation),
      },
      { selector: "edge[focus = 'no'][bend != 0]", style: { "curve-style": "unbundled-bezier", "control-point-distances": "data(bend)", "control-point-weights": 0.5 } },
      // The code's own connections stand out; those among its neighbours stay in the background.
      { selector: "edge[focus = 'yes']", style: { width: 1.5, opacity: 0.8, "line-color": COLORS.own, "target-arrow-color": COLORS.own } },
    ].concat(shape.phone ? phoneRules : [], [
      // A line's name sits near the neighbour's end, where the lines of a fan are furthest apart.
      { selector: "edge.named", style: { "z-index": 5 } },
      { selector: "edge.named[focus = 'no']", style: { "source-label": "data(label)", "source-text-offset": 64, opacity: 0.7 } },
      { selector: "edge[focus = 'yes'][into = 'no'].named, edge[focus = 'yes'][into = 'no'].near", style: { "target-label": "data(label)" } },
      { selector: "edge[focus = 'yes'][into = 'yes'].named, edge[focus = 'yes'][into = 'yes'].near", style: { "source-label": "data(label)" } },
      { selector: "edge.near[focus = 'no']", style: { "source-label": "data(label)" } },
      // A node pointed at shows all its connections, named.
      { selector: "edge.near", style: { opacity: 1, width: 2, "line-color": COLORS.near, "target-arrow-color": COLORS.near, "z-index": 10 } },
    ]);
  }

  function arrange(cy, container) {
    var shape = geometry(container.clientWidth, cy.nodes().length - 1);
    cy.style(style(shape));
    var place = positions(cy, shape); // measures the labels as styled
    cy.edges().forEach(function (edge) {
      var into = edge.target().data("focus") === "yes";
      var own = into || edge.source().data("focus") === "yes";
      edge.data({ into: into ? "yes" : "no", bend: own ? 0 : bend(place[edge.source().id()], place[edge.target().id()], shape) });
    });
    cy.edges().removeClass("named");
    cy.layout({ name: "preset", positions: function (node) { return place[node.id()]; }, fit: false }).run();
    nameFans(cy);
    var box = cy.elements().boundingBox();
    container.style.height = Math.ceil(box.h + 2 * PADDING) + "px"; // CSSOM, which the CSP allows
    cy.resize();
    cy.zoom(Math.min(1, (container.clientWidth - 2 * PADDING) / box.w));
    cy.center();
  }

  function draw(figure) {
    var wrapper = figure.closest("[data-graph]");
    var container = figure.querySelector(".graph__canvas");
    var source = document.getElementById(wrapper.getAttribute("data-graph"));
    if (!source || !container || typeof window.cytoscape !== "function") return null;

    if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
      var placeholder = document.createElement("meta");
      placeholder.id = CYTOSCAPE_STYLESHEET_ID;
      document.head.appendChild(placeholder);
    }

    var cy = window.cytoscape({
      container: container,
      elements: JSON.parse(source.textContent),
      userZoomingEnabled: false, // the page scrolls; the picture is sized to show every label at full size
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      layout: { name: "null" },
    });
    arrange(cy, container);
    container.cytoscape = cy; // for the browser tests and the console

    cy.on("tap", "node", function (event) {
      var href = event.target.data("href");
      if (href) window.location.assign(href);
    });
    cy.on("mouseover", "node", function (event) {
      var node = event.target;
      node.addClass("hover");
      node.connectedEdges().addClass("near");
      container.title = node.data("title");
      container.classList.toggle("graph__canvas--link", Boolean(node.data("href")));
    });
    cy.on("mouseout", "node", function (event) {
      event.target.removeClass("hover");
      event.target.connectedEdges().removeClass("near");
      container.title = "";
      container.classList.remove("graph__canvas--link");
    });
    var width = container.clientWidth;
    window.addEventListener("resize", function () {
      if (figure.hidden || container.clientWidth === width) return;
      width = container.clientWidth;
      arrange(cy, container);
    });
    return cy;
  }

  // cytoscape, once per page, from the URL the server fingerprinted; `done` is called when it is there.
  function withCytoscape(wrapper, done, failed) {
    if (typeof window.cytoscape === "function") { done(); return; }
    var script = document.querySelector("script[data-cytoscape]");
    if (!script) {
      script = document.createElement("script");
      script.src = wrapper.getAttribute("data-graph-script");
      script.setAttribute("data-cytoscape", "");
      document.head.appendChild(script);
    }
    script.addEventListener("load", done);
    script.addEventListener("error", failed);
  }

  function setUp(wrapper) {
    var button = wrapper.querySelector(".graph__open");
    var figure = wrapper.querySelector(".graph__figure");
    var status = wrapper.querySelector(".graph__status");
    if (!button || !figure) return;
    var list = document.querySelector("[data-connections]");
    var drawn = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      var opening = figure.hidden;
      button.setAttribute("aria-expanded", String(opening));
      button.textContent = opening ? "Hide the picture" : "Show the picture";
      figure.hidden = !opening;
      if (list) list.open = !opening; // the list says it all again: folded while the picture shows
      if (!opening) return;
      if (drawn) { arrange(drawn, figure.querySelector(".graph__canvas")); return; }
      status.textContent = "Loading the picture…";
      withCytoscape(wrapper, function () {
        status.textContent = "";
        if (!drawn) drawn = draw(figure);
      }, function () {
        status.textContent = "The picture could not be loaded; the list below has every connection.";
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-graph]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
