// Address autocomplete: progressive enhancement of a plain search field (the page works without it).
//
// <input type="search" id="id_address" name="q" data-autocomplete-url="/properties/autocomplete/"
//        data-target="property" ...>
// becomes an ARIA 1.2 combobox with a listbox of matching addresses. Choosing one writes its id
// into the hidden input named by data-target (created in the same form if missing) and fires
// "change" on it. Typing again clears the chosen id.
//
// Optional attributes (the template sets them translated): data-min-chars (3), data-max-chars (200),
// data-max-words (10), data-msg-none,
// data-msg-one, data-msg-many ("{count}" is replaced), data-msg-chosen ("{label}"), data-msg-error.
(function () {
  "use strict";

  var DEBOUNCE_MS = 200;
  var counter = 0;

  function text(input, name, fallback) {
    return input.getAttribute("data-msg-" + name) || fallback;
  }

  function findHidden(input, name) {
    var scope = input.form || document;
    var found = null;
    Array.prototype.forEach.call(scope.querySelectorAll("input[type=hidden]"), function (el) {
      if (!found && el.name === name) { found = el; }
    });
    if (!found) {
      found = document.createElement("input");
      found.type = "hidden";
      found.name = name;
      input.parentNode.insertBefore(found, input.nextSibling);
    }
    return found;
  }

  function enhance(input) {
    if (input.getAttribute("data-autocomplete-ready")) { return; }
    input.setAttribute("data-autocomplete-ready", "1");
    counter += 1;
    var baseId = input.id || "address-autocomplete-" + counter;
    if (!input.id) { input.id = baseId; }
    var url = input.getAttribute("data-autocomplete-url");
    var targetName = input.getAttribute("data-target");
    var hidden = targetName ? findHidden(input, targetName) : null;
    var minChars = parseInt(input.getAttribute("data-min-chars") || "3", 10);
    // The server's bounds of a search (permitportal/core/search_input.py): beyond them the form's own
    // search says what is wrong; the suggestions stay closed instead of asking for a refusal.
    var maxChars = parseInt(input.getAttribute("data-max-chars") || "200", 10);
    var maxWords = parseInt(input.getAttribute("data-max-words") || "10", 10);

    var wrapper = document.createElement("div");
    wrapper.className = "autocomplete";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var listbox = document.createElement("ul");
    listbox.id = baseId + "-listbox";
    listbox.className = "autocomplete-listbox";
    listbox.setAttribute("role", "listbox");
    var label = input.labels && input.labels.length ? input.labels[0] : null;
    if (label) {
      if (!label.id) { label.id = baseId + "-label"; }
      listbox.setAttribute("aria-labelledby", label.id);
    }
    listbox.hidden = true;
    wrapper.appendChild(listbox);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = null;

    function announce(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    function isOpen() { return !listbox.hidden; }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function open() {
      if (!items.length) { return; }
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function setActive(index) {
      var options = listbox.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      if (index < 0) { index = options.length - 1; }
      if (index >= options.length) { index = 0; }
      Array.prototype.forEach.call(options, function (el, i) {
        el.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      input.setAttribute("aria-activedescendant", options[index].id);
      if (options[index].scrollIntoView) { options[index].scrollIntoView({ block: "nearest" }); }
    }

    function choose(index) {
      var item = items[index];
      if (!item) { return; }
      input.value = item.label;
      lastQuery = item.label;
      if (hidden) {
        hidden.value = String(item.id);
        hidden.dispatchEvent(new Event("change", { bubbles: true }));
      }
      close();
      announce(text(input, "chosen", "Chosen: {label}").replace("{label}", item.label));
    }

    function render(results) {
      items = results;
      listbox.textContent = "";
      results.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = baseId + "-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "autocomplete-option";
        li.textContent = item.label;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        listbox.appendChild(li);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (results.length) {
        open();
        announce(results.length === 1
          ? text(input, "one", "1 address found. Use the arrow keys to choose it.")
          : text(input, "many", "{count} addresses found. Use the arrow keys to choose one.")
            .replace("{count}", String(results.length)));
      } else {
        close();
        announce(text(input, "none", "No addresses found. Check the spelling or try fewer words."));
      }
    }

    function search(query) {
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var separator = url.indexOf("?") === -1 ? "?" : "&";
      fetch(url + separator + "q=" + encodeURIComponent(query), {
        headers: { "Accept": "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      }).then(function (results) {
        if (input.value.trim() !== query) { return; }
        render(Array.isArray(results) ? results : []);
      }).catch(function (error) {
        if (error && error.name === "AbortError") { return; }
        items = [];
        close();
        announce(text(input, "error", "The address search is not available right now. Submit the form to search."));
      });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      if (hidden && hidden.value) {
        hidden.value = "";
        hidden.dispatchEvent(new Event("change", { bubbles: true }));
      }
      window.clearTimeout(timer);
      var words = {};
      query.toLowerCase().split(/\s+/).forEach(function (word) { words[word] = true; });
      if (query.length < minChars || query.length > maxChars || Object.keys(words).length > maxWords) {
        items = [];
        listbox.textContent = "";
        close();
        lastQuery = null;
        return;
      }
      if (query === lastQuery) { open(); return; }
      timer = window.setTimeout(function () {
        lastQuery = query;
        search(query);
      }, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      switch (event.key) {
        case "ArrowDown":
          if (!items.length) { return; }
          event.preventDefault();
          if (!isOpen()) { open(); }
          setActive(active + 1);
          break;
        case "ArrowUp":
          if (!items.length) { return; }
          event.preventDefault();
          if (!isOpen()) { open(); }
          setActive(active - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case "Escape":
          if (isOpen()) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            input.dispatchEvent(new Event("input", { bubbles: true }));
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 150);
    });
    input.addEventListener("focus", function () {
      if (items.length && !(hidden && hidden.value)) { open(); }
    });
  }

  function enhanceAll(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("input[data-autocomplete-url]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { enhanceAll(); });
  } else {
    enhanceAll();
  }
  window.PortalAddressAutocomplete = { enhance: enhance, enhanceAll: enhanceAll };
})();
