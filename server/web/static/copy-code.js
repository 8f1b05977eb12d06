// The "Copy code" button of a code page: puts the code on the clipboard as published (I82.401, whatever the
// reader typed to get there), so that it can be pasted into a claim or an encoder without retyping. The page
// renders the button hidden: it is shown only where the clipboard can be written, so that nobody meets a
// button that does nothing (no JavaScript, or a page not served over a secure connection).
(function () {
  "use strict";

  // Long enough to be read, short enough that the word is not still there when the reader copies again.
  var STATUS_MS = 4000;

  function setUp(box) {
    var button = box.querySelector("button[data-copy]");
    var status = box.querySelector("[role=status]");
    var timer = 0;

    function announce(text) {
      window.clearTimeout(timer);
      status.textContent = text;
      timer = window.setTimeout(function () { status.textContent = ""; }, STATUS_MS);
    }

    button.addEventListener("click", function () {
      // Emptied first, so that a second copy is announced again rather than being the same text.
      window.clearTimeout(timer);
      status.textContent = "";
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(
        function () { announce("Copied"); },
        function () { announce("Could not copy: select the code and copy it yourself"); }
      );
    });
    box.hidden = false;
  }

  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") return;
  var boxes = document.querySelectorAll("[data-copy-code]");
  for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
})();
