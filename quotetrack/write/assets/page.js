// quotetrack pages: a tooltip for marks on hover and on keyboard focus, and the speaker filter.
// Text goes in with textContent only, never as markup.
(function () {
  "use strict";
  var tip = document.getElementById("qt-tip");
  function lines(m) {
    var d = m.dataset, out = [];
    if (m.classList.contains("qt-finding")) {
      out.push(d.severity + " [" + d.verdict + "]");
      if (d.message) out.push(d.message);
      if (d.diff) out.push(d.diff);
      return out;
    }
    out.push("Speaker: " + (d.speaker || "(unknown)"));
    if (d.mention) out.push("As written: " + d.mention);
    if (d.title) out.push("Title: " + d.title);
    out.push("Kind: " + d.kind);
    if (d.cue) out.push("Cue: " + d.cue);
    out.push("Rule: " + d.rule);
    if (d.follows !== undefined) out.push("Continues statement #" + d.follows);
    return out;
  }
  function show(m) {
    tip.textContent = lines(m).join("\n");
    tip.hidden = false;
    var r = m.getBoundingClientRect();
    tip.style.left = Math.max(4, window.scrollX + r.left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { tip.hidden = true; }
  function markOf(t) { return t && t.closest ? t.closest("mark.qt-quote, mark.qt-finding") : null; }
  document.addEventListener("mouseover", function (e) { var m = markOf(e.target); if (m) show(m); });
  document.addEventListener("mouseout", function (e) { if (markOf(e.target)) hide(); });
  document.addEventListener("focusin", function (e) { var m = markOf(e.target); if (m) show(m); else hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button.qt-filter") : null;
    if (!b) return;
    var section = b.closest("section"), on = b.getAttribute("aria-pressed") !== "true";
    section.querySelectorAll("button.qt-filter").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
    b.setAttribute("aria-pressed", on ? "true" : "false");
    section.querySelectorAll("mark.qt-quote").forEach(function (m) {
      m.classList.toggle("qt-dim", on && m.dataset.speaker !== b.dataset.speaker);
    });
  });
})();
