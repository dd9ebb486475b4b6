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
