// The dashboard's period filter: keep "to" on or after "from" while choosing. Progressive enhancement only;
// the server checks the dates and explains any problem.
(function () {
  "use strict";
  var start = document.getElementById("id_from");
  var end = document.getElementById("id_to");
  if (!start || !end) { return; }
  function sync() {
    end.min = start.value || "";
    start.max = end.value || "";
  }
  start.addEventListener("change", sync);
  end.addEventListener("change", sync);
  sync();
})();
