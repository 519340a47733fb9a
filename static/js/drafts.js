// Drafts: whatever a person types in a long form (the journal, every exercise) is kept in
// this browser until it is saved, so a reload, a closed tab or an expired session loses
// nothing; restored on the next visit (after signing in again, too), cleared once saved and
// on logout. Also warns before leaving with unsaved changes and stops a double submit.
// Keys are per person (an opaque key from the server, never the email) and per form; the page
// gives them without the prefix, so no page names the site (discreet mode).
(function () {
  "use strict";

  var PREFIX = "exback-";
  var SAVE_DELAY_MS = 400;

  function storage() {
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage disabled: no drafts, everything else works
    }
  }

  var store = storage();
  var forgetting = false;

  // The key a page gives (data-draft-key, data-clear-draft), as kept in storage.
  function storageKey(key) {
    return key.indexOf(PREFIX) === 0 ? key : PREFIX + key;
  }

  function forgetAll() {
    forgetting = true; // no draft is written again while this page unloads
    if (!store) {
      return;
    }
    for (var i = store.length - 1; i >= 0; i -= 1) {
      var name = store.key(i);
      if (name && name.indexOf(PREFIX) === 0) {
        store.removeItem(name);
      }
    }
  }

  // Logging out (or leaving through a link marked so) forgets every draft on this device.
  document.querySelectorAll("[data-forget-drafts]").forEach(function (element) {
    element.addEventListener(element.tagName === "FORM" ? "submit" : "click", forgetAll);
  });

  // The quick exit (quick-exit.js) asks for the same, and must not be held up by a prompt.
  document.addEventListener("exback:forget-drafts", forgetAll);

  // A signed-in page back from the back-forward cache loads itself again (quick-exit.js): the
  // draft was kept as it was typed, and nothing is written or asked now (after a quick exit,
  // what the page shows must not be stored again).
  document.addEventListener("exback:reloading", function () {
    forgetting = true;
  });

  document.querySelectorAll("[data-clear-draft]").forEach(function (element) {
    if (store) {
      store.removeItem(storageKey(element.getAttribute("data-clear-draft")));
    }
  });

  function track(form) {
    var key = storageKey(form.getAttribute("data-draft-key"));
    var notice = form.parentNode.querySelector("[data-draft-notice]");
    var status = form.querySelector("[data-draft-status]");
    var submit = form.querySelector("[type=submit]");
    var timer = null;
    var submitting = false;

    // The fields a person fills in: not the hidden ones (tokens, versions), not buttons.
    function fields() {
      return Array.prototype.filter.call(form.elements, function (element) {
        return (
          element.name &&
          element.type !== "hidden" &&
          element.type !== "submit" &&
          element.type !== "button" &&
          element.type !== "password"
        );
      });
    }

    function values() {
      var result = {};
      fields().forEach(function (element) {
        if (element.type === "radio" || element.type === "checkbox") {
          if (element.checked) {
            result[element.name] = element.value;
          } else if (!(element.name in result)) {
            result[element.name] = "";
          }
        } else {
          result[element.name] = element.value;
        }
      });
      return result;
    }

    function fill(data) {
      fields().forEach(function (element) {
        if (typeof data[element.name] !== "string") {
          return;
        }
        if (element.type === "radio" || element.type === "checkbox") {
          element.checked = element.value === data[element.name];
        } else {
          element.value = data[element.name];
        }
      });
    }

    function same(a, b) {
      return Object.keys(a).every(function (name) {
        return (a[name] || "") === (b[name] || "");
      });
    }

    function typed(data) {
      return Object.keys(data).some(function (name) {
        return name !== "savedAt" && data[name];
      });
    }

    var original = values();

    function readDraft() {
      if (!store) {
        return null;
      }
      try {
        var data = JSON.parse(store.getItem(key) || "null");
        return data && typeof data === "object" ? data : null;
      } catch (error) {
        return null;
      }
    }

    function saveDraft() {
      timer = null;
      if (!store || forgetting) {
        return;
      }
      var current = values();
      try {
        if (same(current, original)) {
          store.removeItem(key);
        } else {
          current.savedAt = new Date().toISOString();
          store.setItem(key, JSON.stringify(current));
          if (status) {
            status.textContent = "Draft kept on this device";
          }
        }
      } catch (error) {
        // Storage full: the form still works, only the safety net is missing.
      }
    }

    function scheduleSave() {
      if (timer) {
        window.clearTimeout(timer);
      }
      timer = window.setTimeout(saveDraft, SAVE_DELAY_MS);
    }

    var draft = readDraft();
    if (draft && typed(draft) && !same(values(), draft)) {
      fill(draft);
      if (notice) {
        notice.hidden = false;
      }
    }

    form.addEventListener("input", function () {
      forgetting = false; // typing again after a cancelled logout
      scheduleSave();
    });
    form.addEventListener("change", scheduleSave);

    if (notice) {
      var discard = notice.querySelector("[data-draft-discard]");
      if (discard) {
        discard.addEventListener("click", function () {
          if (store) {
            store.removeItem(key);
          }
          fill(original);
          notice.hidden = true;
          var first = fields()[0];
          if (first) {
            first.focus();
          }
        });
      }
    }

    form.addEventListener("submit", function () {
      if (timer) {
        window.clearTimeout(timer);
        saveDraft();
      }
      submitting = true;
      if (submit) {
        // After this event the browser has already collected the form; a second click
        // or Enter cannot send it again.
        window.setTimeout(function () {
          submit.disabled = true;
          submit.textContent = "Saving…";
        }, 0);
      }
    });

    // Back from the browser cache (bfcache) after a submit: make the button usable again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && submit) {
        submitting = false;
        submit.disabled = false;
      }
    });

    window.addEventListener("beforeunload", function (event) {
      if (submitting || forgetting || same(values(), original)) {
        return undefined;
      }
      saveDraft();
      event.preventDefault();
      event.returnValue = "";
      return "";
    });
  }

  document.querySelectorAll("form[data-draft-key]").forEach(track);
})();
