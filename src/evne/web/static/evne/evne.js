// Evne's own script: behaviour that would otherwise sit in an inline handler, which the
// Content-Security-Policy (script-src 'self') does not run.
"use strict";
document.addEventListener("change", function (event) {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-submit-on-change") && field.form) {
    field.form.submit();
  }
});
