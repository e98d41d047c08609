// Dialogue team pages: progressive enhancements only; every page works without JavaScript.
(function () {
  "use strict";
  // A contact forwarded to a caseworker is not resolved at first contact: keep the two in step.
  var forms = document.querySelectorAll("form.contact-form");
  Array.prototype.forEach.call(forms, function (form) {
    var question = form.querySelector("textarea[name='forward_question']");
    var resolved = form.querySelector("input[name='resolved_first_contact']");
    if (!question || !resolved) { return; }
    function sync() {
      var forwarding = question.value.trim() !== "";
      if (forwarding) { resolved.checked = false; }
      resolved.disabled = forwarding;
    }
    question.addEventListener("input", sync);
    sync();
  });
})();
