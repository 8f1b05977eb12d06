// As-you-type suggestions for every code box (each [role=combobox] of a form[data-suggest]), following the ARIA
// 1.2 combobox pattern: the input keeps focus, aria-activedescendant points at the highlighted option; Up/Down
// move, Enter opens the highlighted code (or searches when none is), Escape closes the list (and clears the box
// when it is closed). A box with data-fill takes the chosen code as its value instead (the DRG calculator's
// fields), and data-systems="ICD10CM" keeps only that system's codes. The forms work without this file: they
// are plain GET forms.
(function () {
  "use strict";

  var DEBOUNCE_MS = 120;
  var MAX_SUGGESTIONS = 8;
  var MAX_FILTERED = 20; // graph/search/index.py MAX_SUGGESTIONS
  var LABELS = { CPT: "CPT", HCPCS: "HCPCS Level II", ICD10CM: "ICD-10-CM", ICD10PCS: "ICD-10-PCS", ICD9CM: "ICD-9-CM", MSDRG: "MS-DRG" };

  function codeUrl(item) {
    return "/codes/" + encodeURIComponent(item.system) + "/" + encodeURIComponent(item.code);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function setUp(form, input) {
    var listbox = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById(input.id + "-status");
    var endpoint = form.getAttribute("data-endpoint");
    var documentText = form.getAttribute("data-query");
    var items = [];
    var active = -1;
    var timer = 0;
    var controller = null;
    var shownFor = null;
    var fills = input.hasAttribute("data-fill");
    var systems = (input.getAttribute("data-systems") || "").split(" ").filter(Boolean);

    function isOpen() {
      return !listbox.hidden;
    }

    function open() {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function setActive(index) {
      var options = listbox.querySelectorAll("[role=option]");
      active = index;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(found, prefix) {
      items = found;
      shownFor = prefix;
      listbox.textContent = "";
      found.forEach(function (item, index) {
        var option = el("li", "combo__option");
        option.id = input.id + "-option-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-index", String(index));
        option.appendChild(el("span", "badge badge-" + item.system.toLowerCase(), LABELS[item.system] || item.system));
        option.appendChild(el("span", "code", item.code));
        option.appendChild(el("span", "combo__title", item.title));
        listbox.appendChild(option);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (found.length) {
        open();
        status.textContent = found.length + (found.length === 1 ? " suggestion" : " suggestions") + " available.";
      } else {
        close();
        status.textContent = "No suggestions.";
      }
    }

    function fetchSuggestions(prefix) {
      if (controller) controller.abort();
      controller = typeof AbortController === "function" ? new AbortController() : null;
      return fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        // With a system filter, ask for more and keep that system's: suggestions span every system.
        body: JSON.stringify({
          query: documentText,
          variables: { prefix: prefix, first: systems.length ? MAX_FILTERED : MAX_SUGGESTIONS },
        }),
        signal: controller ? controller.signal : undefined,
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { data: null };
        })
        .then(function (body) {
          var found = body && body.data && body.data.suggest ? body.data.suggest : [];
          if (systems.length) {
            found = found.filter(function (item) {
              return systems.indexOf(item.system) >= 0;
            });
          }
          return found.slice(0, MAX_SUGGESTIONS);
        });
    }

    function update() {
      var prefix = input.value.trim();
      if (!prefix) {
        items = [];
        shownFor = null;
        close();
        return;
      }
      fetchSuggestions(prefix).then(
        function (found) {
          // Only the answer for what is in the box now; a slower, older answer is dropped.
          if (prefix === input.value.trim() && document.activeElement === input) render(found, prefix);
        },
        function () {
          /* aborted by newer typing, or offline: the plain search still works */
        }
      );
    }

    function go(index) {
      var item = items[index];
      if (!item) return;
      close();
      if (fills) {
        input.value = item.code;
        items = [];
        shownFor = null;
        return;
      }
      window.location.assign(codeUrl(item));
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!isOpen()) {
            if (items.length && shownFor === input.value.trim()) open();
            else update();
            return;
          }
          setActive(active + 1 >= items.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!isOpen()) return;
          event.preventDefault();
          setActive(active - 1 < 0 ? items.length - 1 : active - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            items = [];
            shownFor = null;
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });

    // Keep the focus in the input while an option is clicked, then open that option's page.
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) go(Number(option.getAttribute("data-index")));
    });
    listbox.addEventListener("mousemove", function (event) {
      var option = event.target.closest("[role=option]");
      if (option && Number(option.getAttribute("data-index")) !== active) {
        setActive(Number(option.getAttribute("data-index")));
      }
    });

  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-suggest]"), function (form) {
      Array.prototype.forEach.call(form.querySelectorAll("[role=combobox]"), function (input) {
        setUp(form, input);
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
