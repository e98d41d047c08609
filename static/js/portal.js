// Progressive enhancements only: every page works without JavaScript.
(function () {
  "use strict";
  // Move focus to an error summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
  // Parts shown only for one answer (data-shown-for="applying_for=other"): hidden while another is chosen.
  document.querySelectorAll("[data-shown-for]").forEach(function (part) {
    var rule = part.getAttribute("data-shown-for").split("=");
    var radios = document.querySelectorAll('input[name="' + rule[0] + '"]');
    function update() {
      var chosen = document.querySelector('input[name="' + rule[0] + '"]:checked');
      part.hidden = !chosen || chosen.value !== rule[1];
    }
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
  });
})();
