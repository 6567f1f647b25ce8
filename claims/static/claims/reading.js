/* The reading view: select words of a document to make a claim from them, or to add them as an appearance.
 *
 * Every piece of the rendered body carries the character offsets of its text in the document body
 * (data-o, data-e; Python's code points, not the browser's UTF-16 units). A selection's ends are turned
 * into those offsets, trimmed of surrounding spaces, and the quote is cut from the body itself (embedded
 * as JSON), never from what the browser shows — so the quote and its offsets are exact by construction.
 * The server checks the quote against the body once more. No dependency; the page works without it.
 */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function codePoints(text) { return Array.from(text).length; }

  function ready() {
    var reading = document.getElementById("reading");
    var panel = document.getElementById("selection-panel");
    var source = document.getElementById("document-body");
    if (!reading || !panel || !source) { return; }
    var body = Array.from(JSON.parse(source.textContent));
    var pieces = Array.prototype.slice.call(reading.querySelectorAll(".para [data-o]"));
    var problem = document.getElementById("selection-problem");

    function pieceOffset(node, offset) {
      if (node.nodeType === Node.TEXT_NODE) {
        var piece = node.parentElement && node.parentElement.closest(".para [data-o]");
        if (piece && reading.contains(piece)) {
          return Number(piece.dataset.o) + codePoints(node.data.slice(0, offset));
        }
      }
      return null;
    }

    // A boundary that is not inside a piece's text (an element, a gap between paragraphs, the notes
    // column): the start moves to the next piece's start, the end to the previous piece's end.
    function boundary(node, offset, isEnd) {
      var exact = pieceOffset(node, offset);
      if (exact !== null) { return exact; }
      var point = document.createRange();
      point.setStart(node, offset);
      var i;
      if (!isEnd) {
        for (i = 0; i < pieces.length; i++) {
          if (point.comparePoint(pieces[i], 0) >= 0) { return Number(pieces[i].dataset.o); }
        }
        return null;
      }
      for (i = pieces.length - 1; i >= 0; i--) {
        if (point.comparePoint(pieces[i], pieces[i].childNodes.length) <= 0) { return Number(pieces[i].dataset.e); }
      }
      return null;
    }

    function squeeze(text) { return text.replace(/\s+/g, ""); }

    function show(start, end, quote) {
      panel.hidden = false;
      document.getElementById("selection-span").textContent = "[" + start + ":" + end + "]";
      document.getElementById("selection-quote").textContent = quote;
      panel.querySelectorAll("form").forEach(function (form) {
        form.elements.start.value = start;
        form.elements.end.value = end;
        form.elements.quote.value = quote;
      });
    }

    function fail(message) {
      problem.textContent = message;
      problem.hidden = false;
      panel.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = true; });
    }

    function selected() {
      var selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return; }
      var range = selection.getRangeAt(0);
      if (!reading.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== reading) { return; }
      var start = boundary(range.startContainer, range.startOffset, false);
      var end = boundary(range.endContainer, range.endOffset, true);
      if (start === null || end === null) { return; }
      while (start < end && /\s/.test(body[start])) { start++; }
      while (end > start && /\s/.test(body[end - 1])) { end--; }
      if (end <= start) { return; }
      var quote = body.slice(start, end).join("");
      problem.hidden = true;
      panel.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = false; });
      show(start, end, quote);
      // The browser's own reading of the selection must hold the same letters (spacing aside).
      if (squeeze(range.toString()) !== squeeze(quote)) {
        fail("The selection reaches outside the text (into the notes beside it): select within the text only.");
      }
    }

    reading.addEventListener("mouseup", function () { window.setTimeout(selected, 0); });
    reading.addEventListener("keyup", function (event) { if (event.shiftKey) { selected(); } });
    document.getElementById("selection-cancel").addEventListener("click", function () {
      panel.hidden = true;
      window.getSelection().removeAllRanges();
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
