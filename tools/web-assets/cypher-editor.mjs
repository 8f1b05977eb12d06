// The analyst console's Cypher editor: CodeMirror 6 with Neo4j's Cypher support (@neo4j-cypher/codemirror),
// bundled by build.mjs into server/web/static/vendor/cypher-editor.min.js as `window.medgraphCypherEditor`.
//
// @neo4j-cypher/codemirror highlights and completes, but its own linter is off: its grammar predates Neo4j 5 and
// marks valid Cypher (`type(r)` after ORDER BY, CALL { … }, COUNT { … }, :A|B) as wrong. The errors and warnings
// come from Neo4j 5's own linter (@neo4j-cypher/language-support), which runs in a Web Worker
// (cypher-lint-worker.mjs, built beside this file) named by the data-lint-worker attribute of this script's
// <script> element. Without the worker the editor works, without diagnostics.
//
// The textarea it enhances stays in the form, hidden and kept equal to the editor's text, so the form posts,
// and scripts read it, as they did without the editor. The page's CSP admits CodeMirror's injected <style>
// only with the response's nonce, read from <meta name="csp-nonce"> (server/analyst/endpoints.py).
import { createCypherEditor } from "@neo4j-cypher/codemirror";
import { autocompletion } from "@codemirror/autocomplete";
import { linter, lintKeymap } from "@codemirror/lint";
import { Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";

// Read while the script runs: document.currentScript is null afterwards.
const LINT_WORKER = document.currentScript?.dataset.lintWorker ?? null;
const SEVERITIES = { 1: "error", 2: "warning", 3: "info", 4: "hint" };

function cspNonce() {
  const meta = document.querySelector('meta[name="csp-nonce"]');
  // The browser hides the attribute once parsed; the property keeps the value.
  return meta && meta.nonce ? meta.nonce : null;
}

// Text typed over a selection is replaced by Chromium's own editing, which writes a style attribute to carry
// the highlighting of what it deleted (a CSP refusal in the console; the editor draws its text anyway). The
// editor does the replacement itself instead, through the same input handlers (closing brackets) as typing.
const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    const { ranges, main } = view.state.selection;
    const typed = event.inputType === "insertText" || event.inputType === "insertReplacementText";
    const text = event.data ?? event.dataTransfer?.getData("text/plain");
    if (!typed || !text || ranges.length !== 1 || main.empty || view.composing) return false;
    event.preventDefault();
    const insert = () =>
      view.state.update(view.state.replaceSelection(text), { userEvent: "input.type", scrollIntoView: true });
    const handled = view.state
      .facet(EditorView.inputHandler)
      .some((handler) => handler(view, main.from, main.to, text, insert));
    if (!handled) view.dispatch(insert());
    return true;
  },
});

// Neo4j's editor support takes labels and relationship types as Neo4j Browser writes them, after their colon:
// given bare, a completion replaces the typed colon too.
function editorSchema({ labels = [], relationshipTypes = [], propertyKeys = [] }) {
  const colon = (name) => `:${name}`;
  return { labels: labels.map(colon), relationshipTypes: relationshipTypes.map(colon), propertyKeys };
}

// Neo4j's linter in its worker: returns lint(text), a promise of the worker's diagnostics of text ([] when the
// worker is not there or fails: a fault of the linter must not look like one of the statement).
function lintWorker(url, schema) {
  let worker;
  try {
    worker = new Worker(url);
  } catch (error) {
    console.warn("the Cypher linter did not start:", error);
    return () => Promise.resolve([]);
  }
  const waiting = new Map();
  let next = 0;
  worker.onmessage = ({ data }) => {
    const resolve = waiting.get(data.id);
    waiting.delete(data.id);
    if (resolve) resolve(data.diagnostics);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    console.warn("the Cypher linter stopped:", event.message);
    worker.terminate();
    worker = null;
    for (const resolve of waiting.values()) resolve([]);
    waiting.clear();
  };
  worker.postMessage({ schema });
  return (text) =>
    worker
      ? new Promise((resolve) => {
          next += 1;
          waiting.set(next, resolve);
          worker.postMessage({ id: next, text });
        })
      : Promise.resolve([]);
}

// The linter as CodeMirror runs it (after a pause in typing). `host` carries data-lint="done" once the
// diagnostics of the text it holds are drawn, and "pending" from a change until then (the browser tests wait
// for it).
function neo4jLinter(lint, host) {
  const drawn = (view, doc) =>
    // After CodeMirror's own handling of the result (a promise's callbacks): its marks are drawn by then.
    setTimeout(() => {
      if (view.state.doc === doc) host.dataset.lint = "done";
    }, 0);
  const source = async (view) => {
    const { doc } = view.state;
    const text = doc.toString();
    const found = text.trim() ? await lint(text) : [];
    drawn(view, doc);
    return found.map(({ from, to, severity, message }) => ({
      from: Math.min(from, doc.length),
      to: Math.min(Math.max(from, to), doc.length),
      severity: SEVERITIES[severity] ?? "error",
      message,
    }));
  };
  const pending = EditorView.updateListener.of((update) => {
    if (update.docChanged) host.dataset.lint = "pending";
  });
  return [linter(source), keymap.of(lintKeymap), pending];
}

function labelOf(textarea) {
  const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
  if (label && !label.id) label.id = `${textarea.id}-label`;
  return label;
}

/**
 * Replaces `textarea` on screen with a Cypher editor that completes `schema` ({labels, relationshipTypes,
 * propertyKeys}, the names as the graph spells them) and underlines what Neo4j 5's linter finds: errors, and as
 * warnings names the schema lacks and deprecated syntax. `onRun` is called on Ctrl+Enter (Cmd+Enter on a Mac).
 * `lintWorker` is the URL of cypher-lint-worker.min.js (by default this script's data-lint-worker). Returns
 * {getValue, setValue, focus, view}.
 */
function attach(textarea, { schema = {}, onRun = null, lintWorker: workerUrl = LINT_WORKER } = {}) {
  const label = labelOf(textarea);
  const host = document.createElement("div");
  host.className = "cypher-editor";
  host.dataset.lint = "pending";
  textarea.after(host);

  const extensions = [
    // Above the default keymap, where Mod-Enter inserts a blank line.
    Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun ? (onRun(), true) : false) }])),
    typeOverSelection,
    // A window of options that fits without scrolling (app.css): the arrow keys move it through them all, and
    // a scrolling list that the focus cannot enter is an accessibility fault (its options are the editor's
    // aria-activedescendant, not focusable themselves).
    autocompletion({ maxRenderedOptions: 8 }),
    EditorView.contentAttributes.of(
      label ? { "aria-labelledby": label.id } : { "aria-label": textarea.getAttribute("aria-label") || "Cypher" },
    ),
  ];
  if (workerUrl) extensions.push(neo4jLinter(lintWorker(workerUrl, schema), host));
  const nonce = cspNonce();
  if (nonce) extensions.unshift(EditorView.cspNonce.of(nonce));

  const { editor } = createCypherEditor(host, {
    value: textarea.value,
    schema: editorSchema(schema),
    // Its own linter (the old grammar) off: Neo4j's, above, lints.
    lint: false,
    // Tab moves the focus on to the next control, as in the textarea: the editor must not keep it.
    tabKey: false,
    autofocus: false,
    lineNumberFormatter: (line) => String(line),
    theme: "light",
    // The extensions that must be there before the view draws (the nonce) come first.
    preExtensions: extensions,
  });
  textarea.hidden = true;
  editor.onValueChanged((value) => {
    textarea.value = value;
  });
  if (label) label.addEventListener("click", () => editor.focus());

  return {
    getValue: () => editor.codemirror.state.doc.toString(),
    setValue(value) {
      editor.setValue(value);
      textarea.value = value;
    },
    focus: () => editor.focus(),
    view: editor.codemirror,
  };
}

window.medgraphCypherEditor = { attach };
