// chidao review: keyboard shortcuts and turning a text selection into offsets.
// No inline scripts anywhere (the Content-Security-Policy forbids them).
"use strict";

// Offsets are counted in code points, as Python counts them, not UTF-16 units.
function codePoints(s) { return Array.from(s).length; }

function offsetIn(source, node, off) {
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement.closest("[data-s]");
    if (!seg || !source.contains(seg)) return null;
    return Number(seg.dataset.s) + codePoints(node.data.slice(0, off));
  }
  if (node === source) {
    const child = source.children[off];
    return child ? Number(child.dataset.s) : Number(source.dataset.len);
  }
  const seg = node.closest ? node.closest("[data-s]") : null;
  return seg && source.contains(seg) ? Number(seg.dataset.s) + (off > 0 ? codePoints(seg.textContent) : 0) : null;
}

function selectedSpan(source) {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const start = offsetIn(source, range.startContainer, range.startOffset);
  const end = offsetIn(source, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start: start, end: end, text: sel.toString() };
}

function watchSelection() {
  const source = document.getElementById("source");
  if (!source) return;
  const add = document.getElementById("add-button");
  const use = document.getElementById("use-selection");
  let last = null;
  document.addEventListener("selectionchange", function () {
    const span = selectedSpan(source);
    if (!span) return;  // keep the last selection while the reviewer fills the form
    last = span;
    document.getElementById("add-start").value = span.start;
    document.getElementById("add-end").value = span.end;
    document.getElementById("add-preview").textContent = span.text;
    if (add) add.disabled = false;
    if (use) use.disabled = false;
  });
  if (use) use.addEventListener("click", function () {
    if (!last) return;
    document.getElementById("edit-start").value = last.start;
    document.getElementById("edit-end").value = last.end;
  });
}

function watchUnitPicker() {
  const pick = document.getElementById("unit-pick");
  if (!pick) return;
  let target = document.querySelector("textarea[data-units]");
  document.querySelectorAll("textarea[data-units]").forEach(function (area) {
    area.addEventListener("focus", function () { target = area; });
  });
  pick.addEventListener("change", function () {
    const name = pick.value.trim();
    if (!name || !target) return;
    const lines = target.value.split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
    if (lines.indexOf(name) < 0) lines.push(name);
    target.value = lines.join("\n");
    pick.value = "";
  });
}

function typing(event) {
  const el = event.target;
  return el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].indexOf(el.tagName) >= 0);
}

function queueKeys(event) {
  const rows = Array.from(document.querySelectorAll("#queue tr.row"));
  if (!rows.length) return false;
  let i = rows.findIndex(function (r) { return r.classList.contains("current"); });
  const key = event.key;
  if (key === "j" || key === "k") {
    if (i >= 0) rows[i].classList.remove("current");
    i = key === "j" ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1);
    rows[i].classList.add("current");
    rows[i].scrollIntoView({ block: "nearest" });
    return true;
  }
  if (i < 0) return false;
  if (key === "a" || key === "r") { rows[i].querySelector(key === "a" ? "button.accept" : "button.reject").click(); return true; }
  if (key === "Enter" || key === "o") { window.location = rows[i].dataset.href; return true; }
  return false;
}

function pageKeys(event) {
  if (event.key === "e") { const d = document.getElementById("deadline"); if (d) { d.focus(); return true; } }
  const el = document.querySelector('[data-key="' + event.key + '"]');
  if (!el) return false;
  el.click();
  return true;
}

document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
  const handled = document.body.dataset.page === "queue" ? (queueKeys(event) || pageKeys(event)) : pageKeys(event);
  if (handled) event.preventDefault();
});

document.addEventListener("DOMContentLoaded", function () {
  watchSelection();
  watchUnitPicker();
  const first = document.querySelector("#source .task");
  if (first) first.scrollIntoView({ block: "center" });
});
