// "Lees voor": each section of a leaflet can be read aloud by the browser's own speech
// synthesis, in a Dutch voice. No text leaves the browser. The buttons are added only where a
// Dutch voice exists (voices may arrive later: voiceschanged); without this script, or without
// a Dutch voice, the page is as it is. One section speaks at a time; Escape stops it too.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var READ = "Lees voor";
  var STOP = "Stop met voorlezen";
  var buttons = [];
  var current = null;

  function dutchVoice() {
    var voices = synth.getVoices() || [];
    var dutch = voices.filter(function (voice) {
      return /^nl([-_]|$)/i.test(voice.lang || "");
    });
    var netherlands = dutch.filter(function (voice) {
      return /^nl[-_]NL$/i.test(voice.lang);
    });
    return netherlands[0] || dutch[0] || null;
  }

  // The text a reader sees: without the explanations that pop up, and without our button.
  function readableText(section) {
    var copy = section.cloneNode(true);
    copy.querySelectorAll(".term-tip, .read-aloud, [aria-hidden='true']").forEach(function (node) {
      node.remove();
    });
    return (copy.textContent || "").replace(/\s+/g, " ").trim();
  }

  // Short utterances: some browsers stop a long one halfway.
  function sentences(text) {
    return text.match(/[^.!?]+[.!?]*\s*/g) || [text];
  }

  function show(button, speaking) {
    button.textContent = speaking ? STOP : READ;
    button.classList.toggle("is-speaking", speaking);
  }

  function stop() {
    if (current) {
      show(current, false);
      current = null;
    }
    synth.cancel();
  }

  function speak(button, section) {
    var voice = dutchVoice();
    stop();
    current = button;
    show(button, true);
    var parts = sentences(readableText(section));
    parts.forEach(function (part, index) {
      var utterance = new window.SpeechSynthesisUtterance(part);
      utterance.lang = (voice && voice.lang) || "nl-NL";
      try {
        utterance.voice = voice;
      } catch (error) {
        // Not a voice object of this browser: the language alone chooses the voice.
      }
      if (index === parts.length - 1) {
        utterance.addEventListener("end", function () {
          if (current === button) {
            show(button, false);
            current = null;
          }
        });
      }
      synth.speak(utterance);
    });
  }

  function addButtons() {
    if (buttons.length || !dutchVoice()) {
      return;
    }
    document.querySelectorAll(".leaflet-section").forEach(function (section) {
      var heading = section.querySelector("h2");
      if (!heading) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "read-aloud";
      button.setAttribute("aria-describedby", heading.id);
      show(button, false);
      button.addEventListener("click", function () {
        if (current === button) {
          stop();
        } else {
          speak(button, section);
        }
      });
      heading.insertAdjacentElement("afterend", button);
      buttons.push(button);
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
