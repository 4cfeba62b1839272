// Small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  if (!form) return;
  // Dropdown filters apply at once; text fields apply on Enter or the Apply button.
  for (const select of form.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => {
      // A new country makes the chosen region meaningless.
      if (select.name === "country") {
        const admin1 = form.querySelector("select[name=admin1]");
        if (admin1) admin1.value = "";
      }
      form.requestSubmit();
    });
  }
  // Leave empty fields out of the URL so shared links stay short.
  form.addEventListener("formdata", (event) => {
    for (const [key, value] of [...event.formData.entries()]) {
      if (value === "" || (key === "sort" && value === "date")) event.formData.delete(key);
    }
  });
});
