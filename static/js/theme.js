// Follow the system's light or dark setting (Bootstrap 5.3 colour modes).
// Loaded in <head> so the page never flashes the wrong scheme; without JavaScript it stays light.
(function () {
  "use strict";
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    document.documentElement.setAttribute("data-bs-theme", query.matches ? "dark" : "light");
  }
  apply();
  if (query.addEventListener) {
    query.addEventListener("change", apply);
  }
})();
