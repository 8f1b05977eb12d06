// The analyst console's Cypher editor: CodeMirror 6 with Neo4j's Cypher support (@neo4j-cypher/codemirror),
// bundled by build.mjs into server/web/static/vendor/cypher-editor.min.js as `window.medgraphCypherEditor`.
//
// The textarea it enhances stays in the form, hidden and kept equal to the editor's text, so the form posts,
// and scripts read it, as they did without the editor. The page's CSP admits CodeMirror's injected <style>
// only with the response's nonce, read from <meta name="csp-nonce"> (server/analyst/endpoints.py).
import { createCypherEditor } from "@neo4j-cypher/codemirror";
import { autocompletion } from "@codemirror/autocomplete";
import { Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";

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

function labelOf(textarea) {
  const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
  if (label && !label.id) label.id = `${textarea.id}-label`;
  return label;
}

/**
 * Replaces `textarea` on screen with a Cypher editor that completes `schema` ({labels, relationshipTypes,
 * propertyKeys}, the names as the graph spells them) and underlines syntax errors. `onRun` is called on
 * Ctrl+Enter (Cmd+Enter on a Mac). Returns {getValue, setValue, focus, view}.
 */
function attach(textarea, { schema = {}, onRun = null } = {}) {
  const label = labelOf(textarea);
  const host = document.createElement("div");
  host.className = "cypher-editor";
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
  const nonce = cspNonce();
  if (nonce) extensions.unshift(EditorView.cspNonce.of(nonce));

  const { editor } = createCypherEditor(host, {
    value: textarea.value,
    schema: editorSchema(schema),
    lint: true,
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
