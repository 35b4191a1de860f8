// The print button of a printable page: shown only where a script can press it. Without a script the browser's own
// print command prints the same page, since the print style sheet hides everything that is not the document.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
