// The picture of a code's neighbourhood on its page, drawn with cytoscape (served from /static/vendor).
// The data is the JSON the server put beside it (<script type="application/json">); every node with a page
// opens it when selected. Without JavaScript the same connections are listed under the picture.
(function () {
  "use strict";

  // cytoscape adds an inline <style> element unless one with this id exists. The page's CSP refuses inline
  // styles, and app.css does not need the one rule it would add, so a placeholder stands in for it.
  var CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";

  var COLORS = {
    focus: "#1b2430",
    code: "#0b57a4",
    condition: "#0e8a93",
    concept: "#b7791f",
    edge: "#b8c1cc",
    label: "#1b2430",
  };

  var INNER_RING_MAX = 12;

  // Where each node goes: the code in the middle, up to a dozen other codes on a ring around it, and the
  // rest on two arcs to the left and right, labels pointing outwards, so that no label sits on another.
  // The nodes arrive ordered by kind, so risks, people, settings … stay side by side on the arcs.
  function placements(elements, container) {
    var width = Math.max(container.clientWidth, 320);
    var height = Math.max(container.clientHeight, 240);
    var nodes = elements.filter(function (e) { return e.group === "nodes"; });
    var focus = nodes.filter(function (n) { return n.data.focus === "yes"; });
    var codes = nodes.filter(function (n) { return n.data.focus !== "yes" && n.data.kind === "code"; });
    var inner = codes.slice(0, INNER_RING_MAX);
    var outer = codes.slice(INNER_RING_MAX).concat(
      nodes.filter(function (n) { return n.data.focus !== "yes" && n.data.kind !== "code"; })
    );
    var place = {};
    focus.forEach(function (n) { place[n.data.id] = { x: 0, y: 0 }; });
    inner.forEach(function (n, i) {
      var angle = -Math.PI / 2 + (2 * Math.PI * i) / inner.length;
      place[n.data.id] = { x: Math.cos(angle) * width * 0.16, y: Math.sin(angle) * height * 0.3 };
    });
    var left = outer.slice(0, Math.ceil(outer.length / 2));
    var right = outer.slice(left.length);
    [[left, -1], [right, 1]].forEach(function (arc) {
      var side = arc[0];
      side.forEach(function (n, i) {
        var t = side.length === 1 ? 0.5 : i / (side.length - 1);
        var angle = (-70 + 140 * t) * (Math.PI / 180);
        n.data.side = arc[1] < 0 ? "left" : "right";
        place[n.data.id] = { x: arc[1] * Math.cos(angle) * width * 0.3, y: Math.sin(angle) * height * 0.46 };
      });
    });
    return function (node) {
      return place[node.id()] || { x: 0, y: 0 };
    };
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-graph"));
    if (!source || typeof window.cytoscape !== "function") return;
    var elements = JSON.parse(source.textContent);
    if (!elements.length) return;

    if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID)) {
      var placeholder = document.createElement("meta");
      placeholder.id = CYTOSCAPE_STYLESHEET_ID;
      document.head.appendChild(placeholder);
    }

    container.hidden = false;
    var legend = container.parentNode.querySelector(".graph__legend");
    if (legend) legend.hidden = false;
    var list = document.querySelector("[data-connections]");
    if (list) list.open = false;

    var cy = window.cytoscape({
      container: container,
      elements: elements,
      userZoomingEnabled: false, // the page scrolls; the picture always fits its box
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      maxZoom: 1.4, // a code with few neighbours stays at a readable size instead of filling the box
      autoungrabify: false,
      style: [
        {
          selector: "node",
          style: {
            "background-color": COLORS.concept,
            label: "data(label)",
            color: COLORS.label,
            "font-size": 10,
            "font-family": "system-ui, sans-serif",
            "text-valign": "bottom",
            "text-margin-y": 4,
            "text-wrap": "ellipsis",
            "text-max-width": container.clientWidth < 600 ? "90px" : "150px",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
            "text-background-padding": "1px",
            width: 14,
            height: 14,
          },
        },
        { selector: "node[side = 'left']", style: { "text-halign": "left", "text-valign": "center", "text-margin-x": -6, "text-margin-y": 0 } },
        { selector: "node[side = 'right']", style: { "text-halign": "right", "text-valign": "center", "text-margin-x": 6, "text-margin-y": 0 } },
        { selector: "node[kind = 'code']", style: { "background-color": COLORS.code, shape: "round-rectangle" } },
        { selector: "node[kind = 'condition']", style: { "background-color": COLORS.condition } },
        {
          selector: "node[focus = 'yes']",
          style: {
            "background-color": COLORS.focus,
            width: 26,
            height: 26,
            "font-size": 12,
            "font-weight": "bold",
          },
        },
        { selector: "node[href != '']:active, node.hover", style: { "border-width": 3, "border-color": "#1a73e8" } },
        {
          selector: "edge",
          style: {
            width: 1,
            "line-color": COLORS.edge,
            "target-arrow-color": COLORS.edge,
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.6,
            "curve-style": "straight",
            opacity: 0.25,
          },
        },
        // The code's own connections stand out; those among its neighbours stay in the background.
        { selector: "edge[focus = 'yes']", style: { width: 1.6, opacity: 0.9, "line-color": "#8d99a8", "target-arrow-color": "#8d99a8" } },
      ],
      layout: { name: "preset", positions: placements(elements, container), fit: true, padding: 12, animate: false },
    });

    container.cytoscape = cy; // for the browser tests and the console

    cy.on("tap", "node", function (event) {
      var href = event.target.data("href");
      if (href) window.location.assign(href);
    });
    cy.on("mouseover", "node", function (event) {
      var node = event.target;
      node.addClass("hover");
      container.title = node.data("title") || node.data("label");
      container.classList.toggle("graph__canvas--link", Boolean(node.data("href")));
    });
    cy.on("mouseout", "node", function (event) {
      event.target.removeClass("hover");
      container.title = "";
      container.classList.remove("graph__canvas--link");
    });
    window.addEventListener("resize", function () {
      cy.resize();
      cy.fit(undefined, 12);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-graph]"), draw);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
