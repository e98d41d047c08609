// Progressive enhancements only: every page works without JavaScript.
(function () {
  "use strict";
  // Move focus to an error summary so screen readers announce it.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
