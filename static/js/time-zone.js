// Sign-up: fill the hidden time-zone field with the browser's zone (an IANA name such as
// "Pacific/Auckland"), so that "today", streaks and every time shown are the person's own from
// the first page. Without JavaScript the field stays empty and the site's zone is used until
// the person picks theirs on the account page; the server ignores a name it does not know.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var inputs = document.querySelectorAll("input[data-browser-time-zone]");
    // Intl loads its time-zone data on first use, a long task on a slow phone: only when needed.
    if (!inputs.length) {
      return;
    }
    var zone = "";
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return;
    }
    inputs.forEach(function (input) {
      if (!input.value) {
        input.value = zone;
      }
    });
  });
})();
