// Journal: keep unsaved drafts in this browser, warn before leaving with unsaved changes,
// and stop a double submit. Drafts are keyed per person (an opaque key from the server)
// and per form ("new" or the entry's id); the page after a successful save clears them.
(function () {
  "use strict";

  var FIELDS = ["title", "body", "mood", "stage"];
  var SAVE_DELAY_MS = 400;

  function storage() {
    try {
      var probe = "exback-journal-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage disabled: no drafts, everything else works
    }
  }

  var store = storage();

  var cleared = document.querySelector("[data-clear-draft]");
  if (cleared && store) {
    store.removeItem(cleared.getAttribute("data-clear-draft"));
  }

  var form = document.querySelector("[data-journal-form]");
  if (!form) {
    return;
  }
  var key = form.getAttribute("data-draft-key");
  var notice = document.querySelector("[data-draft-notice]");
  var status = form.querySelector("[data-draft-status]");
  var submit = form.querySelector("[data-submit]");
  var timer = null;
  var submitting = false;

  function field(name) {
    return form.elements.namedItem(name);
  }

  function values() {
    var result = {};
    FIELDS.forEach(function (name) {
      var element = field(name);
      if (element) {
        result[name] = element.value;
      }
    });
    return result;
  }

  function fill(data) {
    FIELDS.forEach(function (name) {
      var element = field(name);
      if (element && typeof data[name] === "string") {
        element.value = data[name];
      }
    });
  }

  function same(a, b) {
    return FIELDS.every(function (name) {
      return (a[name] || "") === (b[name] || "");
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
    if (!store) {
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
  if (draft && (draft.body || draft.title) && !same(draft, original)) {
    fill(draft);
    if (notice) {
      notice.hidden = false;
    }
  }

  form.addEventListener("input", scheduleSave);
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
        var body = field("body");
        if (body) {
          body.focus();
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
    if (submitting || same(values(), original)) {
      return undefined;
    }
    saveDraft();
    event.preventDefault();
    event.returnValue = "";
    return "";
  });
})();
