// The site works without JavaScript; this only adds two conveniences.
(function () {
  "use strict";

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
})();
