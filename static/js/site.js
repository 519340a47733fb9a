// Site-wide progressive enhancement. After a form comes back with errors, move focus to the
// first field in error, so keyboard and screen-reader users land on it (the message is tied
// to the field by aria-describedby). Without JavaScript the errors are still beside each field.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector('main [aria-invalid="true"]');
    if (invalid && typeof invalid.focus === "function") {
      invalid.focus();
    }
  });
})();
