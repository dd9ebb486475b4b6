// Small behaviours that must work without inline script (Content-Security-Policy).
document.addEventListener("submit", (event) => {
  const form = event.target;
  const message = form.dataset ? form.dataset.confirm : null;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
// Lists and forms: "모두 고르기" ticks every box of its group; after a failed submit the error summary takes
// the focus (screen readers read it) and its links move to the field named.
document.addEventListener("change", (event) => {
  const all = event.target.closest("[data-check-all]");
  if (!all) return;
  document.querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`).forEach((box) => {
    box.checked = all.checked;
  });
});
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-error-summary] a[href^='#']");
  if (!link) return;
  const field = document.getElementById(link.getAttribute("href").slice(1));
  if (field) {
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: "center" });
  }
});
// 답변 서식: choosing a template fills the answer box (kept when nothing is chosen).
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-fill-target]");
  if (!select || !select.value) return;
  const target = document.getElementById(select.dataset.fillTarget);
  if (!target) return;
  if (target.value.trim() && !window.confirm("쓰던 답변을 서식으로 바꿀까요?")) return;
  target.value = select.value;
  target.focus();
});
// The side menu stays open on wide screens and folds away on phones (it opens with one tap).
const sidenav = document.querySelector("[data-sidenav]");
if (sidenav && window.matchMedia("(max-width: 820px)").matches) {
  sidenav.open = false;
}
// On phones a table with several columns is shown as one card per row: each cell carries its column's name.
for (const table of document.querySelectorAll("table.table:not(.no-stack)")) {
  const heads = [...table.querySelectorAll("thead tr:last-child th")].map((th) => th.textContent.trim());
  if (heads.length < 4 || table.querySelector("[colspan]:not(td:only-child)")) continue;
  for (const row of table.querySelectorAll("tbody tr")) {
    const cells = [...row.children];
    if (cells.length !== heads.length) continue;
    cells.forEach((cell, i) => heads[i] && cell.setAttribute("data-label", heads[i]));
  }
  table.classList.add("stacks");
}
// A table wider than the screen scrolls sideways: make its box reachable by keyboard and name it.
for (const wrap of document.querySelectorAll(".table-wrap")) {
  if (wrap.scrollWidth > wrap.clientWidth + 1 && !wrap.hasAttribute("tabindex")) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    const heading = wrap.closest("section, .card")?.querySelector("h2, h3, caption");
    wrap.setAttribute("aria-label", `${heading ? heading.textContent.trim() : "표"} (옆으로 밀어 더 보기)`);
  }
}
