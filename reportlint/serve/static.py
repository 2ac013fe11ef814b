"""The pages' one style sheet and one script, served from this origin (the CSP allows nothing else).

The script only enhances: the upload form works without it (a plain POST), and it inserts text with
textContent only. It does the drag-and-drop, the upload progress bar, and the reviewers' accept
and withdraw buttons.
"""

from __future__ import annotations

import hashlib

CSS = """
:root{--bg:#f4f5f7;--panel:#fff;--line:#e3e6eb;--text:#1f2933;--muted:#6b7683;--accent:#1f4e8c;
--error:#c0392b;--error-bg:#fdecea;--warning:#b7791f;--warning-bg:#fdf4e3;--info:#2b6cb0;--info-bg:#e8f1fb;
--pass:#2f855a;--pass-bg:#e6f4ec;--accepted:#4a5568;--accepted-bg:#edf2f7;
--sans:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
--mono:ui-monospace,Menlo,Consolas,"Liberation Mono","Noto Sans Mono CJK SC",monospace}
*{box-sizing:border-box}html{background:var(--bg)}
body{margin:0;font:14px/1.6 var(--sans);color:var(--text)}
.wrap{max-width:1100px;margin:0 auto;padding:0 24px}
header.top{background:var(--accent);color:#fff;padding:14px 0;margin-bottom:20px;border-bottom:3px solid #163a69}
header.top .wrap{display:flex;align-items:baseline;gap:22px;flex-wrap:wrap}
header.top h1{margin:0;font-size:19px;font-weight:600}
header.top nav{display:flex;gap:16px;flex:1}header.top a{color:#fff;text-decoration:none;opacity:.9}
header.top a:hover{opacity:1;text-decoration:underline}header.top .lang{margin-left:auto}
h2{font-size:16px;margin:0 0 10px;font-weight:600}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:16px 18px;margin-bottom:18px}
.muted{color:var(--muted)}.small{font-size:12.5px}
.drop{display:block;border:2px dashed #9aa5b1;border-radius:10px;padding:36px 20px;text-align:center;background:#fafbfc;cursor:pointer}
.drop.over{border-color:var(--accent);background:#eef4fb}
.drop strong{display:block;font-size:16px;margin-bottom:6px}
.drop input{display:block;margin:12px auto 0}
#chosen{margin:10px 0 0;padding-left:20px;max-height:180px;overflow:auto}
button,.button{font:inherit;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:6px;padding:6px 16px;cursor:pointer;text-decoration:none;display:inline-block}
button.plain,.button.plain{background:#fff;color:var(--accent)}
button:disabled{opacity:.5;cursor:default}
progress{width:100%;height:14px;margin-top:12px}
#status{margin:8px 0 0;min-height:1.6em}#status.problem{color:var(--error)}
.badge{display:inline-block;border-radius:10px;padding:0 9px;font-size:12.5px;font-weight:600}
.st-pass{background:var(--pass-bg);color:var(--pass)}.st-fail{background:var(--error-bg);color:var(--error)}
.st-error{background:#f0ebfb;color:#6b46c1}
.sev-error{background:var(--error-bg);color:var(--error)}.sev-warning{background:var(--warning-bg);color:var(--warning)}
.sev-info{background:var(--info-bg);color:var(--info)}.accepted-badge{background:var(--accepted-bg);color:var(--accepted)}
.counts{display:flex;gap:18px;flex-wrap:wrap;margin:6px 0 0}.counts b{font-size:20px;font-variant-numeric:tabular-nums}
.downloads{display:flex;gap:10px;flex-wrap:wrap}
ol.findings{list-style:none;margin:0;padding:0}
ol.findings>li{border-top:1px solid var(--line);padding:12px 0}
ol.findings>li.accepted{opacity:.72}
.finding-head{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.code{font-family:var(--mono);font-weight:600}
.where{color:var(--muted);font-size:12.5px}
.src{font-family:var(--mono);font-size:13px;background:#f7f8fa;border:1px solid var(--line);border-radius:6px;padding:6px 10px;margin:6px 0;white-space:pre-wrap;word-break:break-all}
.src .ln{color:var(--muted);margin-right:10px;user-select:none}
mark{background:#ffe08a;color:inherit;border-bottom:2px solid var(--error);padding:0 1px}
.sev-w mark{border-bottom-color:var(--warning)}.sev-i mark{border-bottom-color:var(--info)}
form.decide{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-top:6px}
form.decide input[type=text]{flex:1;min-width:200px;font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px}
form.decide select{font:inherit;padding:3px 6px}
.decision{margin-top:6px;font-size:13px}
table.rules{border-collapse:collapse;width:100%}
table.rules td,table.rules th{border-top:1px solid var(--line);padding:8px 6px;vertical-align:top;text-align:left}
table.rules pre{white-space:pre-wrap;margin:4px 0;font-size:12.5px;background:#f7f8fa;padding:6px;border-radius:6px}
.endpoint{border-top:1px solid var(--line);padding:10px 0}.method{font-family:var(--mono);font-weight:700;margin-right:8px}
pre.schema{white-space:pre-wrap;font-size:12px;background:#f7f8fa;padding:8px;border-radius:6px;max-height:320px;overflow:auto}
iframe.view{width:100%;height:75vh;border:1px solid var(--line);border-radius:6px;background:#fff}
.panel-head{display:flex;align-items:baseline;gap:14px;flex-wrap:wrap;margin-bottom:10px}.panel-head h2{margin:0}
"""

JS = r"""
(function () {
  "use strict";
  var form = document.getElementById("upload");
  if (form) {
    var input = document.getElementById("files"), drop = document.getElementById("drop");
    var list = document.getElementById("chosen"), bar = document.getElementById("progress");
    var status = document.getElementById("status"), send = document.getElementById("send");
    var picked = null;
    var say = function (text, problem) { status.textContent = text; status.className = problem ? "problem" : ""; };
    var show = function (files) {
      picked = files; list.textContent = "";
      for (var i = 0; i < files.length && i < 200; i++) {
        var li = document.createElement("li"); li.textContent = files[i].name + " (" + Math.ceil(files[i].size / 1024) + " KB)"; list.appendChild(li);
      }
      if (files.length > 200) { var more = document.createElement("li"); more.textContent = "… +" + (files.length - 200); list.appendChild(more); }
      send.disabled = files.length === 0;
    };
    input.addEventListener("change", function () { show(input.files); });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) { if (e.dataTransfer && e.dataTransfer.files.length) show(e.dataTransfer.files); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var files = picked || input.files;
      if (!files || !files.length) { say(form.dataset.none, true); return; }
      var data = new FormData();
      for (var i = 0; i < files.length; i++) data.append("files", files[i], files[i].name);
      data.append("lang", form.dataset.lang);
      var bytes = new Uint8Array(16), token = "";
      window.crypto.getRandomValues(bytes);
      for (var k = 0; k < bytes.length; k++) token += ("0" + bytes[k].toString(16)).slice(-2);
      data.append("progress", token);
      var polling = null;
      var poll = function () {
        var p = new XMLHttpRequest();
        p.open("GET", "/progress/" + token);
        p.addEventListener("load", function () {
          if (p.status !== 200 || polling === null) return;
          var state = JSON.parse(p.responseText);
          if (!state.total) return;
          bar.max = state.total; bar.value = state.done;
          say(form.dataset.progress.replace("{done}", state.done).replace("{total}", state.total));
        });
        p.send();
      };
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      bar.hidden = false; bar.value = 0; send.disabled = true;
      xhr.upload.addEventListener("progress", function (ev) {
        if (ev.lengthComputable) { bar.max = ev.total; bar.value = ev.loaded; say(form.dataset.uploading.replace("{p}", Math.floor(100 * ev.loaded / ev.total))); }
      });
      xhr.upload.addEventListener("load", function () {
        bar.removeAttribute("value"); say(form.dataset.checking.replace("{n}", files.length));
        polling = window.setInterval(poll, 700);
      });
      xhr.addEventListener("loadend", function () { if (polling !== null) { window.clearInterval(polling); polling = null; } });
      xhr.addEventListener("load", function () {
        var body = null;
        try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
        if (xhr.status === 200 && body && body.url) { say(form.dataset.done); window.location.assign(body.url); return; }
        bar.hidden = true; send.disabled = false;
        say(body && body.error ? body.error.message : form.dataset.failed + " (" + xhr.status + ")", true);
      });
      xhr.addEventListener("error", function () { bar.hidden = true; send.disabled = false; say(form.dataset.failed, true); });
      xhr.send(data);
    });
  }
  var post = function (url, method, payload, problemBox) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader("Content-Type", "application/json");
    xhr.setRequestHeader("Accept", "application/json");
    xhr.addEventListener("load", function () {
      if (xhr.status === 200) { window.location.reload(); return; }
      var body = null; try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
      problemBox.textContent = body && body.error ? body.error.message : String(xhr.status);
    });
    xhr.send(payload === null ? null : JSON.stringify(payload));
  };
  Array.prototype.forEach.call(document.querySelectorAll("form.decide"), function (f) {
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      post(f.action, "POST", {finding: Number(f.dataset.finding), kind: f.elements.kind.value, note: f.elements.note.value}, f.querySelector(".problem"));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.withdraw"), function (b) {
    b.addEventListener("click", function () { post(b.dataset.url, "DELETE", null, b.parentNode.querySelector(".problem")); });
  });
})();
"""

VERSION = hashlib.sha256((CSS + JS).encode("utf-8")).hexdigest()[:12]  # in the URLs: a new release is fetched anew
