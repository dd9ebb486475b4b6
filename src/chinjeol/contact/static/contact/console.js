// The counsellor console: reply templates, the knowledge search box, and the call-length timer
// (warning at data-warn seconds, recommended end at data-end seconds; both served by the app).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-template]");
    if (!button) return;
    var box = document.getElementById("reply-text");
    if (!box) return;
    box.value = box.value ? box.value + "\n" + button.dataset.template : button.dataset.template;
    box.focus();
  });
  // In a conversation, each knowledge hit offers "답변에 넣기": its title and summary go into the reply.
  function offerHits() {
    var box = document.getElementById("reply-text");
    if (!box) return;
    document.querySelectorAll("#kb-results .kb-hit").forEach(function (hit) {
      if (hit.querySelector(".kb-insert")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm kb-insert";
      button.textContent = "답변에 넣기";
      var title = hit.querySelector(".kb-hit-title"), snippet = hit.querySelector(".kb-snippet");
      button.dataset.template = (title ? "[" + title.textContent.trim() + "] " : "") +
        (snippet ? snippet.textContent.replace(/…/g, "").trim() : "");
      hit.appendChild(button);
    });
  }
  document.addEventListener("htmx:afterSwap", offerHits);
  // The conversation shows its latest message.
  function toBottom() {
    var chat = document.querySelector(".chat");
    if (chat) chat.scrollTop = chat.scrollHeight;
  }
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id === "chat-live") toBottom();
  });
  document.addEventListener("DOMContentLoaded", toBottom);
  document.addEventListener("submit", function (event) {
    if (event.target.classList.contains("console-search")) event.preventDefault();
  });
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function tick() {
    var timer = document.getElementById("call-timer");
    if (!timer || !timer.dataset.since) return;
    var elapsed = Math.max(0, Math.floor((Date.now() - Date.parse(timer.dataset.since)) / 1000));
    var warn = parseInt(timer.dataset.warn, 10), end = parseInt(timer.dataset.end, 10);
    var stage = elapsed >= end ? "end" : elapsed >= warn ? "warn" : "ok";
    timer.querySelector(".call-clock").textContent = pad(Math.floor(elapsed / 60)) + ":" + pad(elapsed % 60);
    if (timer.dataset.stage !== stage) {
      timer.dataset.stage = stage;
      var note = timer.querySelector(".call-note");
      note.textContent = stage === "end"
        ? "권장 통화 시간(" + Math.round(end / 60) + "분)이 지났습니다. 종료 안내 후 통화를 마치세요: “오늘 상담은 여기서 마치겠습니다. 추가로 필요하신 내용은 다시 문의해 주십시오.”"
        : stage === "warn"
        ? Math.round(warn / 60) + "분이 지났습니다. " + Math.round((end - warn) / 60) + "분 안에 마무리하도록 안내하세요."
        : "";
      note.hidden = stage === "ok";
    }
  }
  setInterval(tick, 1000);
  document.addEventListener("htmx:afterSwap", tick);
  tick();
})();
