// Passkey pages: where passkeys cannot work, say so beside the button (the words are in the
// page, hidden: templates/mfa/webauthn/snippets/unavailable.html) instead of leaving a button
// that does nothing and an error only the console shows. Browsers offer WebAuthn only in a
// secure context (https://, or http://localhost), and never for an IP address such as
// 127.0.0.1, even where the page itself counts as secure.
(function () {
  "use strict";

  function whyUnavailable() {
    var host = window.location.hostname;
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.indexOf(":") !== -1 || host.charAt(0) === "[") {
      var port = window.location.port ? ":" + window.location.port : "";
      return "browsers refuse them at an IP address such as " + host +
        ". Open the site by its name instead (on your own computer, http://localhost" + port + ")";
    }
    if (!window.isSecureContext) {
      return "browsers offer them only on a secure address (https://, or http://localhost on your own computer)";
    }
    if (!window.PublicKeyCredential) {
      return "this browser does not offer them";
    }
    return "";
  }

  function check() {
    var why = whyUnavailable();
    if (!why) {
      return;
    }
    document.querySelectorAll("[data-passkeys-unavailable]").forEach(function (note) {
      var reason = note.querySelector("[data-passkeys-why]");
      if (reason) {
        reason.textContent = why;
      }
      note.hidden = false;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
})();
