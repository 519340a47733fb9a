// Sign-up: fill the hidden time-zone field with the browser's zone (an IANA name such as
// "Pacific/Auckland"), so that "today", streaks and every time shown are the person's own from
// the first page. Without JavaScript the field stays empty and the site's zone is used until
// the person picks theirs on the account page; the server ignores a name it does not know.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var zone = "";
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return;
    }
    document.querySelectorAll("input[data-browser-time-zone]").forEach(function (input) {
      if (!input.value) {
        input.value = zone;
      }
    });
  });
})();
