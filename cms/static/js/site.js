// The site works without JavaScript; this only adds conveniences. Loaded in the head, before
// the page is drawn; the rest waits for the page and for ECL's script (ecl-eu.js, deferred).
(function () {
  "use strict";

  // ECL shows some things only without JavaScript (.no-js): they never flash with it.
  document.documentElement.classList.remove("no-js");

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  function start() {
    // ECL's components start from their data-ecl-auto-init attributes.
    if (window.ECL) window.ECL.autoInit();

    // A form sent back with errors: its summary takes the focus, so that a screen reader reads
    // it out and keyboard users go from its links to the fields.
    var errors = document.getElementById("form-errors");
    if (errors) errors.focus();

    // A video on a platform loads only when the visitor asks for it: the player's HTML waits in a
    // <template>, which the browser does not load, until the button is pressed.
    document.querySelectorAll("[data-video-consent]").forEach(function (box) {
      var button = box.querySelector("[data-video-consent-load]");
      var template = box.querySelector("template[data-video-consent-player]");
      if (!button || !template) return;
      button.addEventListener("click", function () {
        var player = template.content.cloneNode(true);
        box.replaceChildren(player);
        var frame = box.querySelector("iframe");
        if (frame) {
          frame.setAttribute("tabindex", "0");
          frame.focus();
        }
      });
    });

    // Chapters of an episode move its audio player to where they start.
    document.querySelectorAll("[data-player]").forEach(function (list) {
      var player = document.getElementById(list.getAttribute("data-player"));
      if (!player) return;
      list.querySelectorAll("[data-seek]").forEach(function (button) {
        button.addEventListener("click", function () {
          player.currentTime = Number(button.getAttribute("data-seek"));
          player.play();
          player.focus();
        });
      });
    });

    // Sharing without third parties: copy the page's address, or the device's own share sheet
    // (Web Share API). The buttons stay hidden where the browser cannot do it.
    var status = document.querySelector("[data-share-status]");
    function say(message) {
      if (status) status.textContent = message;
    }
    var copyItem = document.querySelector("[data-share-copy]");
    if (copyItem && navigator.clipboard && window.isSecureContext) {
      var copyButton = copyItem.querySelector("button");
      copyItem.hidden = false;
      copyButton.addEventListener("click", function () {
        navigator.clipboard.writeText(copyButton.getAttribute("data-share-url")).then(
          function () { say(copyButton.getAttribute("data-share-done")); },
          function () { say(""); }
        );
      });
    }
    var nativeItem = document.querySelector("[data-share-native]");
    if (nativeItem && navigator.share) {
      var nativeButton = nativeItem.querySelector("button");
      nativeItem.hidden = false;
      nativeButton.addEventListener("click", function () {
        navigator.share({
          title: nativeButton.getAttribute("data-share-title"),
          url: nativeButton.getAttribute("data-share-url"),
        }).catch(function () { /* the visitor closed the share sheet */ });
      });
    }
  }
})();
