// The optional wait of the "I want to reach out" flow: where JavaScript runs, a quiet
// countdown under the time to wait until. Without it the page already says that time.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var counter = document.querySelector("[data-urge-countdown]");
    if (!counter) {
      return;
    }
    var end = Date.now() + 1000 * parseInt(counter.getAttribute("data-seconds"), 10);
    var lastMinute = null;

    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.ceil(left / 60);
      if (left === 0) {
        counter.textContent = "That's the time you chose. Take a breath, and decide when you're ready.";
        return;
      }
      // Once a minute, so a screen reader is not interrupted every second.
      if (minutes !== lastMinute) {
        lastMinute = minutes;
        counter.textContent = minutes === 1 ? "About a minute to go." : "About " + minutes + " minutes to go.";
      }
      window.setTimeout(tick, 1000);
    }

    if (!isNaN(end)) {
      counter.hidden = false;
      tick();
    }
  });
})();
