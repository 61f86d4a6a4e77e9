// "Lees voor": the browser's own speech synthesis reads the leaflet aloud in a voice of the
// page's language (<html lang>: Dutch, or English under /en/; the buttons' words come from the
// script element's data-read, data-read-page and data-speaking on a page not in Dutch). No
// text leaves the browser. One button at the top reads the page in the order that matters:
// what is marked to be read first (the safety box, "In het kort": `data-read-first`), then the
// sections and the common questions; a button per section reads that section. The buttons
// are added only where a Dutch voice exists (voices may arrive later: voiceschanged); without
// this script, without speechSynthesis or without a Dutch voice, the page is as it is.
//
// Every paragraph, list item, table row and heading is read as a sentence of its own, so a
// list is not one run-on sentence. While it reads, the button is pressed (aria-pressed="true",
// which the stylesheet shows) and says "Bezig met voorlezen… Stop"; the block being read is
// marked too. One reading at a time; Escape stops it.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var words = (document.currentScript && document.currentScript.dataset) || {};
  var READ = words.read || "Lees voor";
  var READ_PAGE = words.readPage || "Lees de hele pagina voor";
  var SPEAKING = words.speaking || "Bezig met voorlezen… Stop";
  var LANGUAGE = (document.documentElement.lang || "nl").toLowerCase();
  var FIRST = "[data-read-first]";
  var SECTIONS = ".leaflet-section, .common-questions";
  // Not read: explanations that pop up, our own buttons, what is hidden or decoration, and
  // links that only move around the page.
  var SKIPPED = ".term-tip, .read-aloud, .read-aloud-page, [aria-hidden='true'], [hidden], " +
    "script, style, template, .screen-only";
  // Elements that end a sentence: their text is read as a sentence of its own.
  var BLOCKS = /^(ADDRESS|BLOCKQUOTE|CAPTION|DD|DIV|DL|DT|FIGCAPTION|H[1-6]|LI|OL|P|PRE|SECTION|TABLE|TBODY|TFOOT|THEAD|UL)$/;
  var buttons = [];
  var current = null; // the button of the reading in progress
  var run = 0; // which reading an utterance belongs to: a stopped one's events are ignored

  // A voice of the page's language; for Dutch one from the Netherlands first (nl-NL).
  function pageVoice() {
    var voices = synth.getVoices() || [];
    var inLanguage = voices.filter(function (voice) {
      var lang = (voice.lang || "").toLowerCase().replace("_", "-");
      return lang === LANGUAGE || lang.indexOf(LANGUAGE + "-") === 0;
    });
    var home = inLanguage.filter(function (voice) {
      return (voice.lang || "").toLowerCase().replace("_", "-") === LANGUAGE + "-" + LANGUAGE;
    });
    return home[0] || inLanguage[0] || null;
  }

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  // A phrase ends with a stop, so a voice lowers its tone and pauses after a list item too.
  function asSentence(text) {
    text = clean(text);
    return !text || /[.!?:;…]$/.test(text) ? text : text + ".";
  }

  // The text a reader sees, as phrases: one per paragraph, list item, heading and table row
  // (its cells joined by commas).
  function phrases(root) {
    var found = [];
    var line = "";

    function flush() {
      if (clean(line)) {
        found.push(asSentence(line));
      }
      line = "";
    }

    function walk(node) {
      if (node.nodeType === 3) {
        line += node.nodeValue;
        return;
      }
      if (node.nodeType !== 1 || node.matches(SKIPPED)) {
        return;
      }
      if (node.tagName === "BR") {
        flush();
        return;
      }
      if (node.tagName === "TR") {
        flush();
        var cells = Array.prototype.map.call(node.cells, function (cell) {
          return clean(phrases(cell).join(" ").replace(/[.]$/, ""));
        });
        line = cells.filter(Boolean).join(", ");
        flush();
        return;
      }
      var block = BLOCKS.test(node.tagName);
      if (block) {
        flush();
      }
      node.childNodes.forEach(walk);
      if (block) {
        flush();
      }
    }

    walk(root);
    flush();
    return found;
  }

  // Short utterances: some browsers stop a long one halfway.
  function sentences(phrase) {
    return phrase.match(/[^.!?]+[.!?]*\s*/g) || [phrase];
  }

  function show(button, speaking) {
    button.textContent = speaking ? SPEAKING : button.dataset.label;
    button.setAttribute("aria-pressed", speaking ? "true" : "false");
  }

  function mark(block) {
    document.querySelectorAll(".is-read-aloud").forEach(function (node) {
      node.classList.remove("is-read-aloud");
    });
    if (block) {
      block.classList.add("is-read-aloud");
    }
  }

  function stop() {
    run += 1;
    if (current) {
      show(current, false);
      current = null;
    }
    mark(null);
    synth.cancel();
  }

  function utterance(text, voice) {
    var spoken = new window.SpeechSynthesisUtterance(text);
    spoken.lang = (voice && voice.lang) || LANGUAGE;
    try {
      spoken.voice = voice;
    } catch (error) {
      // Not a voice object of this browser: the language alone chooses the voice.
    }
    return spoken;
  }

  function read(button, blocks) {
    var voice = pageVoice();
    stop();
    var mine = run;
    current = button;
    show(button, true);
    var queue = [];
    blocks.forEach(function (block) {
      phrases(block).forEach(function (phrase, index) {
        sentences(phrase).forEach(function (text, part) {
          var spoken = utterance(clean(text), voice);
          if (index === 0 && part === 0) {
            spoken.addEventListener("start", function () {
              if (run === mine) {
                mark(block);
              }
            });
          }
          queue.push(spoken);
        });
      });
    });
    if (!queue.length) {
      stop();
      return;
    }
    var finished = function () {
      if (run === mine) {
        stop();
      }
    };
    queue[queue.length - 1].addEventListener("end", finished);
    queue[queue.length - 1].addEventListener("error", finished);
    queue.forEach(function (spoken) {
      synth.speak(spoken);
    });
  }

  function makeButton(label, blocks) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "read-aloud";
    button.dataset.label = label;
    show(button, false);
    button.addEventListener("click", function () {
      if (current === button) {
        stop();
      } else {
        read(button, blocks());
      }
    });
    buttons.push(button);
    return button;
  }

  function pageBlocks() {
    var first = Array.prototype.slice.call(document.querySelectorAll(FIRST));
    var rest = Array.prototype.filter.call(document.querySelectorAll(SECTIONS), function (node) {
      return first.indexOf(node) === -1;
    });
    return first.concat(rest);
  }

  function addButtons() {
    var header = document.querySelector(".leaflet-header");
    if (buttons.length || !header || !pageVoice()) {
      return;
    }
    var whole = makeButton(READ_PAGE, pageBlocks);
    var bar = document.createElement("p");
    bar.className = "read-aloud-page";
    bar.appendChild(whole);
    header.insertAdjacentElement("afterend", bar);
    document.querySelectorAll(SECTIONS).forEach(function (section) {
      var heading = section.querySelector("h2");
      if (!heading) {
        return;
      }
      var button = makeButton(READ, function () {
        return [section];
      });
      button.setAttribute("aria-describedby", heading.id);
      heading.insertAdjacentElement("afterend", button);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      stop();
    }
  });
  window.addEventListener("pagehide", stop);
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", addButtons);
  }
  addButtons();
})();
