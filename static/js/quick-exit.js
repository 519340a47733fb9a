// Quick exit: the button in the header, or Escape pressed twice, leaves at once for a neutral
// page. location.replace() swaps the current history entry, so Back does not return here, and
// every exback draft kept on this device is forgotten first. Without JavaScript the button is a
// plain link to /exit/, which clears the site's data and redirects.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) {
    return;
  }
  var target = link.getAttribute("data-quick-exit");
  var lastEscape = 0;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.dispatchEvent(new Event("exback:forget-drafts"));
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i -= 1) {
        var name = window.localStorage.key(i);
        if (name && name.indexOf("exback-") === 0) {
          window.localStorage.removeItem(name);
        }
      }
      window.sessionStorage.clear();
    } catch (error) {
      // Storage unavailable: nothing was kept there.
    }
    document.title = "";
    document.body.hidden = true;
    window.location.replace(target);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < 1000) {
      leave(event);
    }
    lastEscape = now;
  });
})();
