// Presence on a change form: tells the server every few seconds that this editor still has the
// form open, and shows who else has it open ("Anna bewerkt deze folder sinds 10:02"). Without
// JavaScript the notice is the one made when the page loaded.
(function () {
  "use strict";
  var box = document.querySelector("[data-presence-url]");
  if (!box || !window.fetch) {
    return;
  }
  var url = box.getAttribute("data-presence-url");
  var every = parseInt(box.getAttribute("data-presence-every"), 10) * 1000 || 20000;
  function beat() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        box.textContent = data.notices.join(". ");
        box.hidden = data.notices.length === 0;
      })
      .catch(function () {});
  }
  window.setInterval(beat, every);
})();
