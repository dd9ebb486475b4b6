// The counter's touch helpers (no inline script: Content-Security-Policy).
document.addEventListener("click", (event) => {
  const chip = event.target.closest("[data-fill]");
  if (chip) {
    const input = document.getElementById(chip.dataset.fill);
    if (input) {
      input.value = chip.dataset.value;
      input.focus();
    }
  }
});
document.addEventListener("change", (event) => {
  const radio = event.target.closest("input[data-select]");
  if (radio) {
    const select = document.getElementById(radio.dataset.select);
    if (select) select.value = radio.value;
  }
  if (event.target.id === "id_department") {
    document.querySelectorAll("input[data-select='id_department']").forEach((r) => {
      r.checked = r.value === event.target.value;
    });
  }
});
