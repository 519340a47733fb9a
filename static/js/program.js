// Progressive enhancement for the program pages: a real Print button where JavaScript runs.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll(".js-print").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      window.print();
    });
  });
});

// The safety plan's optional parts start closed unless they hold text; a draft restored into
// one (drafts.js runs first) opens it, so nothing typed is hidden.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("details.plan-optional").forEach(function (part) {
    var box = part.querySelector("textarea");
    if (box && box.value.trim()) {
      part.open = true;
    }
  });
});
