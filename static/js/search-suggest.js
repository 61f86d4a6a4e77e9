// Suggestions while typing in a search box: medication names, brand names and glossary terms
// from /zoeken/suggesties/, offered in the browser's own list (<datalist>), so keyboard and
// screen readers work as with any input. Without this file the search form works as it is.
(function () {
  "use strict";
  var DELAY_MS = 150;

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input || !window.fetch) {
      return;
    }
    var list = document.createElement("datalist");
    list.id = input.id + "-suggesties";
    form.appendChild(list);
    input.setAttribute("list", list.id);
    var timer = null;
    var latest = "";

    function show(suggestions) {
      var options = suggestions.map(function (suggestion) {
        var option = document.createElement("option");
        option.value = suggestion.label;
        if (suggestion.note) {
          option.label = suggestion.label + " (" + suggestion.note + ")";
        }
        return option;
      });
      list.replaceChildren.apply(list, options);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) {
        show([]);
        return;
      }
      timer = window.setTimeout(function () {
        latest = value;
        var url = form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(value);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) {
            return response.ok ? response.json() : { suggestions: [] };
          })
          .then(function (data) {
            if (latest === value) {
              show(data.suggestions || []);
            }
          })
          .catch(function () {
            show([]);
          });
      }, DELAY_MS);
    });
  }

  document.querySelectorAll("form.search-form[data-suggest-url]").forEach(enhance);
})();
