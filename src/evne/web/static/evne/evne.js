// Evne's own script: behaviour that would otherwise sit in an inline handler, which the
// Content-Security-Policy (script-src 'self') does not run.
"use strict";
document.addEventListener("change", function (event) {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-submit-on-change") && field.form) {
    field.form.submit();
  }
});

// A link to one rule of the catalogue (from a finding) opens its <details>; without script the rule's title is
// still where the link points.
function evneOpenLinkedDetails() {
  const id = location.hash && decodeURIComponent(location.hash.slice(1));
  const element = id && document.getElementById(id);
  if (element && element.tagName === "DETAILS") {
    element.open = true;
    element.scrollIntoView();
  }
}
window.addEventListener("hashchange", evneOpenLinkedDetails);
document.addEventListener("DOMContentLoaded", evneOpenLinkedDetails);
