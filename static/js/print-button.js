// The print view's "Printen" button: it opens the browser's print dialog. The button is hidden
// until this script runs; without JavaScript the page says to use Ctrl+P (Cmd+P).
(function () {
  "use strict";
  if (typeof window.print !== "function") {
    return;
  }
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
