// Quick exit, after the GOV.UK Design System's "Exit this page" component and "Exit a page
// quickly" pattern: the button in the header, or the Shift key pressed three times, leaves at
// once for a neutral page. On the way out it ends the session on the server (a keepalive
// request to /exit/, which signs out and sends Clear-Site-Data), forgets every draft and
// whatever else this site kept in the browser, and leaves with location.replace(), so this
// page is not in the history. Without JavaScript the button is a plain link to /exit/, which
// signs out, clears the site's data and redirects.
//
// Back after an exit must show none of the person's pages: a signed-in page brought back
// from the back-forward cache loads itself again from the server (which, with the session
// gone, sends the log-in page), hidden until then.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) {
    return;
  }
  var target = link.getAttribute("data-quick-exit");
  var exitUrl = link.getAttribute("href");
  // Only a signed-in person's pages carry the token: they have a session to end, and they
  // are the pages that must never come back from the back-forward cache.
  var token = link.getAttribute("data-exit-token");
  var status = document.querySelector("[data-quick-exit-status]");

  // GOV.UK's shortcut: Shift three times within five seconds. Counted on keyup, so holding
  // Shift counts once; any other key starts again, and so does the Shift released after a
  // capital letter (its keyup follows one with shiftKey set), so typing never exits.
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;
  var lastKeyWasShifted = false;
  var leaving = false;

  function announce(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function resetCount() {
    presses = 0;
    if (timer) {
      window.clearTimeout(timer);
      timer = null;
    }
    link.classList.remove("quick-exit-counting");
  }

  function endSession() {
    if (!token) {
      return false;
    }
    try {
      window.fetch(exitUrl, {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token },
      });
      return true;
    } catch (error) {
      // No keepalive fetch: a beacon, with the token in the body.
    }
    try {
      var body = new FormData();
      body.append("csrfmiddlewaretoken", token);
      return navigator.sendBeacon(exitUrl, body);
    } catch (error) {
      return false;
    }
  }

  function forgetEverything() {
    // drafts.js stops writing drafts and stops asking before leaving.
    document.dispatchEvent(new Event("exback:forget-drafts"));
    try {
      window.localStorage.clear();
    } catch (error) {
      // Storage unavailable: nothing was kept there.
    }
    try {
      window.sessionStorage.clear();
    } catch (error) {
      // The same.
    }
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    if (leaving) {
      return;
    }
    leaving = true;
    var ended = endSession();
    forgetEverything();
    document.title = "";
    document.body.hidden = true;
    // Signed in without a way to end the session from here: the link's own page signs out,
    // then redirects to the neutral page.
    window.location.replace(token && !ended ? exitUrl : target);
  }

  link.addEventListener("click", leave);

  document.addEventListener(
    "keyup",
    function (event) {
      if (event.key === "Shift" && !lastKeyWasShifted) {
        presses += 1;
        if (presses >= PRESSES) {
          resetCount();
          leave(event);
        } else {
          if (presses === 1) {
            timer = window.setTimeout(function () {
              resetCount();
              announce("");
            }, WINDOW_MS);
          }
          link.classList.add("quick-exit-counting");
          var left = PRESSES - presses;
          announce("Shift, press " + left + " more " + (left === 1 ? "time" : "times") + " to exit.");
        }
      } else if (event.key !== "Shift") {
        if (presses) {
          resetCount();
          announce("");
        }
      }
      lastKeyWasShifted = event.shiftKey;
    },
    true
  );

  if (token) {
    window.addEventListener("pagehide", function (event) {
      if (event.persisted) {
        // Kept in the back-forward cache: kept blank.
        document.body.hidden = true;
      }
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        document.body.hidden = true;
        document.dispatchEvent(new Event("exback:reloading"));
        // A fresh GET of this address, even if a form's POST produced the page.
        window.location.replace(window.location.href.split("#")[0]);
      }
    });
  }
})();
