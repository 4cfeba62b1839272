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

// Timeline brush: drag across the bars to filter a date range (a click still opens one bar).
document.addEventListener("DOMContentLoaded", () => {
  for (const svg of document.querySelectorAll("svg.timeline[data-brush]")) {
    const slots = svg.dataset.slots.split(";").map((pair) => pair.split(","));
    const width = Number(svg.dataset.width);
    const rect = svg.querySelector("rect.brush");
    let startX = null;
    let moved = false;
    const toX = (event) => {
      const point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      const local = point.matrixTransform(svg.getScreenCTM().inverse());
      return Math.max(0, Math.min(width, local.x));
    };
    const slotAt = (x) => Math.min(slots.length - 1, Math.floor((x / width) * slots.length));
    svg.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      startX = toX(event);
      moved = false;
    });
    svg.addEventListener("pointermove", (event) => {
      if (startX === null) return;
      const x = toX(event);
      if (Math.abs(x - startX) < 4 && !moved) return;
      moved = true;
      rect.setAttribute("x", Math.min(x, startX));
      rect.setAttribute("width", Math.abs(x - startX));
    });
    const finish = (event) => {
      if (startX === null) return;
      const x = toX(event);
      const from = startX;
      startX = null;
      if (!moved) return;  // a plain click: the bar's own link handles it
      event.preventDefault();
      const a = slotAt(Math.min(x, from));
      const b = slotAt(Math.max(x, from));
      const base = svg.dataset.brush;
      const query = (base ? base + "&" : "") + "since=" + slots[a][0] + "&until=" + slots[b][1];
      window.location.assign("/?" + query);
    };
    svg.addEventListener("pointerup", finish);
    // A drag ending over a bar must not also follow that bar's link.
    svg.addEventListener("click", (event) => { if (moved) event.preventDefault(); }, true);
  }
});
