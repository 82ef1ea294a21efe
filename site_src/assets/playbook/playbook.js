// Browser glue for the step forms: autosave, the Python worker, errors, output and downloads.
// Every rule, label and message comes from Python (the generated HTML or the worker's replies);
// this file only moves data between the page, localStorage and the worker.
(() => {
  "use strict";
  if (window.__remediationPlaybook) return; // loaded once; instant navigation keeps it alive
  const BASE = new URL("./", document.currentScript.src);
  const STORE = "remediation-playbook:v1";
  const BOOT_LIMIT_MS = 180_000; // past this, a runtime still loading is reported as failed

  // --- the Python runtime: one module worker per visit ------------------------------------
  let worker = null;
  let ready = null;
  let runtimeState = "idle";
  let nextId = 1;
  const pending = new Map();

  function setRuntime(state) {
    runtimeState = state;
    if (state !== "idle") document.documentElement.dataset.playbookRuntime = state;
    for (const status of document.querySelectorAll(".pb-runtime-status")) {
      status.textContent = status.dataset[state] || "";
      status.dataset.state = state;
    }
  }

  function request(op, payload) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, payload });
    });
  }

  function startRuntime() {
    if (ready) return ready;
    setRuntime("loading");
    worker = new Worker(new URL("worker.mjs", BASE), { type: "module" });
    worker.onmessage = (event) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.type }));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const { reject } of pending.values()) reject(new Error(event.message || "worker failed"));
      pending.clear();
    };
    const watchdog = new Promise((_, reject) =>
      setTimeout(() => reject(new Error("the document generator took too long to start")), BOOT_LIMIT_MS));
    ready = Promise.race([request("info", {}), watchdog]).then(
      (info) => { setRuntime("ready"); return info; },
      (error) => { setRuntime("error"); throw error; },
    );
    ready.catch(() => {}); // reported through the page state; a later generate shows it again
    return ready;
  }

  // --- what is saved in this browser -------------------------------------------------------
  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)) || { forms: {}, case: null }; }
    catch { return { forms: {}, case: null }; }
  }
  function save(data) { localStorage.setItem(STORE, JSON.stringify(data)); }

  function readForm(form) {
    const values = {};
    let checklist = [];
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") {
        const list = el.name === "checklist" ? checklist : (values[el.name] ||= []);
        if (el.checked) list.push(el.value);
      } else if (el.type === "radio") {
        if (!(el.name in values)) values[el.name] = "";
        if (el.checked) values[el.name] = el.value;
      } else {
        values[el.name] = el.value;
      }
    }
    return { values, checklist };
  }

  function fillForm(form, saved) {
    if (!saved) return;
    for (const el of form.elements) {
      if (!el.name) continue;
      const value = el.name === "checklist" ? saved.checklist : saved.values[el.name];
      if (value === undefined) continue;
      if (el.type === "checkbox") el.checked = Array.isArray(value) && value.includes(el.value);
      else if (el.type === "radio") el.checked = value === el.value;
      else el.value = value;
    }
  }

  // --- errors, in the GOV.UK pattern: a summary with links, and a message at each field ------
  function clearErrors(form) {
    form.querySelector(".pb-error-summary").hidden = true;
    form.querySelector(".pb-error-list").replaceChildren();
    for (const el of form.querySelectorAll(".pb-field-error")) { el.hidden = true; el.textContent = ""; }
    for (const el of form.querySelectorAll(".pb-field--error")) el.classList.remove("pb-field--error");
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  }

  function showErrors(form, errors) {
    clearErrors(form);
    const list = form.querySelector(".pb-error-list");
    for (const error of errors) {
      const field = error.field && form.querySelector(`[data-field="${CSS.escape(error.field)}"]`);
      const item = document.createElement("li");
      const text = `${error.label}: ${error.message}`;
      if (field) {
        const control = field.querySelector("input, textarea, select");
        const link = document.createElement("a");
        link.href = `#${control.id}`;
        link.textContent = text;
        link.addEventListener("click", (event) => {
          event.preventDefault();
          field.scrollIntoView({ block: "center" });
          control.focus({ preventScroll: true });
        });
        item.append(link);
        field.classList.add("pb-field--error");
        const message = field.querySelector(".pb-field-error");
        message.textContent = error.message;
        message.hidden = false;
        for (const c of field.querySelectorAll("input, textarea")) c.setAttribute("aria-invalid", "true");
      } else {
        item.textContent = text;
      }
      list.append(item);
    }
    const summary = form.querySelector(".pb-error-summary");
    summary.hidden = false;
    summary.focus();
  }

  // --- generate and download ----------------------------------------------------------------
  const urls = new Map();
  function setDownload(link, text, name, type) {
    if (urls.has(link)) URL.revokeObjectURL(urls.get(link));
    const url = URL.createObjectURL(new Blob([text], { type }));
    urls.set(link, url);
    link.href = url;
    link.download = name;
  }

  async function generate(form) {
    const workspace = form.closest(".pb-workspace");
    const result = workspace.querySelector(".pb-result");
    const button = form.querySelector('[data-playbook-action="generate"]');
    button.setAttribute("aria-busy", "true");
    try {
      await startRuntime();
      const { values, checklist } = readForm(form);
      const reply = await request("generate", { step: form.dataset.stepId, values, checklist, case: load().case });
      if (reply.errors) { showErrors(form, reply.errors); return; }
      clearErrors(form);
      const data = load();
      data.case = reply.case;
      save(data);
      workspace.querySelector("[data-playbook-output]").innerHTML = reply.html; // escaped by Python (markdown-it, html off)
      setDownload(workspace.querySelector('[data-playbook-download="md"]'), reply.markdown, reply.files.md, "text/markdown;charset=utf-8");
      setDownload(workspace.querySelector('[data-playbook-download="json"]'), reply.case_json, reply.files.json, "application/json;charset=utf-8");
      result.hidden = false;
      result.querySelector("h2").setAttribute("tabindex", "-1");
      result.querySelector("h2").focus();
    } catch (error) {
      showErrors(form, [{ field: "", label: error.name || "Error", message: error.message }]);
    } finally {
      button.removeAttribute("aria-busy");
    }
  }

  function clearAll(form) {
    if (!window.confirm(form.dataset.clearConfirm)) return;
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key && key.startsWith("remediation-playbook")) localStorage.removeItem(key);
    }
    for (const f of document.querySelectorAll("form[data-playbook-form]")) {
      f.reset();
      clearErrors(f);
      f.closest(".pb-workspace").querySelector(".pb-result").hidden = true;
    }
    for (const url of urls.values()) URL.revokeObjectURL(url);
    urls.clear();
    form.querySelector(".pb-saved").textContent = form.dataset.cleared;
  }

  function bind(form) {
    if (form.dataset.bound) return;
    form.dataset.bound = "true";
    const key = form.dataset.playbookForm;
    fillForm(form, load().forms[key]);
    const onEdit = () => {
      startRuntime();
      const data = load();
      data.forms[key] = readForm(form);
      save(data);
      form.querySelector(".pb-saved").textContent =
        `${form.dataset.saved} ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}`;
    };
    form.addEventListener("input", onEdit);
    form.addEventListener("change", onEdit);
    form.addEventListener("focusin", () => startRuntime(), { once: true });
    form.addEventListener("submit", (event) => { event.preventDefault(); generate(form); });
    form.querySelector('[data-playbook-action="clear-all"]').addEventListener("click", () => clearAll(form));
  }

  function onPage() {
    const forms = document.querySelectorAll("form[data-playbook-form]");
    forms.forEach(bind);
    setRuntime(runtimeState); // instant navigation brings new status lines
    if (forms.length && !ready) {
      const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 1500));
      idle(() => startRuntime(), { timeout: 3000 });
    }
  }

  window.__remediationPlaybook = { startRuntime };
  if (window.document$) window.document$.subscribe(onPage);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
  else onPage();
})();
