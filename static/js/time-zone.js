// Sign-up: fill the hidden time-zone field with the browser's zone (an IANA name such as
// "Pacific/Auckland"), so that "today", streaks and every time shown are the person's own from
// the first page. Without JavaScript the field stays empty and the site's zone is used until
// the person picks theirs on the account page; the server ignores a name it does not know.
// Read as the form is sent, never as the page loads: Intl loads its time-zone data on first
// use, a long task on a slow phone (130 ms in Lighthouse's mobile run of the sign-up page).
(function () {
  "use strict";
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      var inputs = form && form.querySelectorAll ? form.querySelectorAll("input[data-browser-time-zone]") : [];
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
    },
    true
  );
})();
