// Browser glue for the step forms: autosave, the Python worker, errors, output and downloads.
// Every rule, label and message comes from Python (the generated HTML or the worker's replies);
// this file only moves data between the page, localStorage and the worker.
(() => {
  "use strict";
  if (window.__remediationPlaybook) return; // loaded once; instant navigation keeps it alive
  const BASE = new URL("./", document.currentScript.src);
  // {forms: {"step-N": {values, checklist}}, case: case file or null, profile: {actor, sector},
  //  training: the title of the training case loaded, or ""}
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
    const empty = { forms: {}, case: null, profile: { actor: "", sector: "" }, training: "" };
    try { return { ...empty, ...JSON.parse(localStorage.getItem(STORE)) }; }
    catch { return empty; }
  }
  function save(data) { localStorage.setItem(STORE, JSON.stringify(data)); }

  // A rows field keeps its rows in an <ol data-playbook-rows>; each row is a copy of the field's
  // <template> whose ids and names carry a unique number in place of "__i__".
  let rowSerial = 0;

  function readForm(form) {
    const values = {};
    let checklist = [];
    for (const el of form.elements) {
      if (!el.name || el.closest("[data-row]") || el.type === "file") continue;
      if (el.name === "checklist" && el.closest("[hidden]")) continue; // another profile's item
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
    for (const list of form.querySelectorAll("[data-playbook-rows]")) {
      values[list.dataset.playbookRows] = [...list.children].map(readRow);
    }
    return { values, checklist };
  }

  function readRow(row) {
    const out = {};
    for (const cell of row.querySelectorAll("[data-column]")) {
      const radios = [...cell.querySelectorAll('input[type="radio"]')];
      out[cell.dataset.column] = radios.length
        ? (radios.find((r) => r.checked) || { value: "" }).value
        : cell.querySelector("input, textarea, select").value;
    }
    return out;
  }

  function fillRow(row, data) {
    for (const cell of row.querySelectorAll("[data-column]")) {
      const value = data[cell.dataset.column] ?? "";
      const radios = cell.querySelectorAll('input[type="radio"]');
      if (radios.length) for (const r of radios) r.checked = r.value === value;
      else cell.querySelector("input, textarea, select").value = value;
    }
  }

  function renumber(list) {
    const rows = [...list.children];
    rows.forEach((row, i) => { for (const n of row.querySelectorAll("[data-row-number]")) n.textContent = String(i + 1); });
    const field = list.closest("[data-field]");
    field.querySelector(".pb-no-rows").hidden = rows.length > 0;
    field.querySelector('[data-playbook-action="add-row"]').disabled = rows.length >= Number(list.dataset.maxRows);
  }

  function addRow(list, data) {
    const template = list.closest("[data-field]").querySelector("template[data-row-template]");
    const row = template.content.firstElementChild.cloneNode(true);
    const serial = String(rowSerial++);
    for (const el of row.querySelectorAll("[id], [for], [name], [aria-describedby]")) {
      for (const attr of ["id", "for", "name", "aria-describedby"]) {
        if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replaceAll("__i__", serial));
      }
    }
    if (data) fillRow(row, data);
    list.append(row);
    renumber(list);
    return row;
  }

  function rowAction(button) {
    const row = button.closest("[data-row]");
    const list = row.parentElement;
    const action = button.dataset.playbookAction;
    if (action === "remove-row") row.remove();
    else if (action === "move-up" && row.previousElementSibling) list.insertBefore(row, row.previousElementSibling);
    else if (action === "move-down" && row.nextElementSibling) list.insertBefore(row.nextElementSibling, row);
    renumber(list);
    if (action !== "remove-row") button.focus();
    else (list.lastElementChild?.querySelector("input, textarea") || list.closest("[data-field]").querySelector('[data-playbook-action="add-row"]')).focus();
  }

  function fillForm(form, saved) {
    for (const list of form.querySelectorAll("[data-playbook-rows]")) {
      list.replaceChildren();
      for (const row of (saved && saved.values[list.dataset.playbookRows]) || []) addRow(list, row);
      renumber(list);
    }
    if (!saved) return;
    for (const el of form.elements) {
      if (!el.name || el.closest("[data-row]") || el.type === "file") continue;
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

  // An error names a field ("summary") or a cell of a row ("actions[2].due").
  function fieldFor(form, key) {
    const cell = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(key);
    if (!cell) return form.querySelector(`[data-field="${CSS.escape(key)}"]`);
    const list = form.querySelector(`[data-playbook-rows="${CSS.escape(cell[1])}"]`);
    const row = list && list.children[Number(cell[2])];
    return row && row.querySelector(`[data-column="${CSS.escape(cell[3])}"]`);
  }

  function showErrors(form, errors) {
    clearErrors(form);
    const list = form.querySelector(".pb-error-list");
    for (const error of errors) {
      const field = error.field && fieldFor(form, error.field);
      const item = document.createElement("li");
      const text = `${error.label}: ${error.message}`;
      if (field) {
        const control = field.querySelector("input, textarea, select, button");
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
        const message = field.querySelector(":scope > .pb-field-error, :scope > legend ~ .pb-field-error");
        message.textContent = error.message;
        message.hidden = false;
        for (const c of field.querySelectorAll("input, textarea, select")) c.setAttribute("aria-invalid", "true");
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

  // Identifier warnings the user has seen and chosen to go past during this visit, so that a warning
  // is not asked again for every download: "step|field|kinds".
  const seen = new Set();
  const warningKey = (w) => `${w.step}|${w.field}|${w.kinds.join(",")}`;

  // Show warnings in the form's panel. next names the button that goes on ("generate-anyway" or
  // "download-anyway", which runs proceed); with none, the list is for information only.
  function showWarnings(form, warnings, next = null, proceed = null) {
    const box = form.querySelector(".pb-warnings");
    box.querySelector(".pb-warning-list").replaceChildren(...warnings.map((w) => {
      const item = document.createElement("li");
      item.textContent = w.message;
      return item;
    }));
    box.pending = warnings;
    box.proceed = proceed;
    for (const button of box.querySelectorAll("button[data-playbook-action]")) button.hidden = button.dataset.playbookAction !== next;
    box.hidden = false;
    box.focus();
  }

  function goPastWarnings(form) {
    const box = form.querySelector(".pb-warnings");
    for (const w of box.pending || []) seen.add(warningKey(w));
    box.hidden = true;
    return box.proceed;
  }

  function utcNow() { return new Date().toISOString().replace(/\.\d+Z$/, "Z"); }

  async function generate(form, confirmed = false) {
    const workspace = form.closest(".pb-workspace");
    const result = workspace.querySelector(".pb-result");
    const button = form.querySelector('[data-playbook-action="generate"]');
    button.setAttribute("aria-busy", "true");
    form.querySelector(".pb-warnings").hidden = true;
    try {
      await startRuntime();
      const { values, checklist } = readForm(form);
      const reply = await request("generate", {
        step: form.dataset.stepId, values, checklist, case: load().case, updated: utcNow(), confirmed,
        profile: load().profile,
      });
      if (reply.errors) { showErrors(form, reply.errors); return; }
      clearErrors(form);
      if (reply.warnings) { showWarnings(form, reply.warnings, "generate-anyway"); return; }
      const data = load();
      data.case = reply.case;
      save(data);
      workspace.querySelector("[data-playbook-output]").innerHTML = reply.html; // escaped by Python (markdown-it, html off)
      setDownload(workspace.querySelector('[data-playbook-download="md"]'), reply.markdown, reply.files.md, "text/markdown;charset=utf-8");
      result.hidden = false;
      result.querySelector("h2").setAttribute("tabindex", "-1");
      result.querySelector("h2").focus();
    } catch (error) {
      showErrors(form, [{ field: "", label: error.name || "Error", message: error.message }]);
    } finally {
      button.removeAttribute("aria-busy");
    }
  }

  // Other formats are made on demand from the stored case, by the same Python as the CLI. Returns
  // null once downloaded, or {errors} or {warnings} (those not yet seen) with nothing downloaded.
  // The case file also takes every form's saved entries, so it holds what was typed but never generated.
  async function download(payload) {
    await startRuntime();
    const data = load();
    const ask = { case: data.case, ...payload };
    if (payload.format === "json") Object.assign(ask, { forms: data.forms, profile: data.profile, updated: utcNow() });
    let reply = await request("export", ask);
    if (reply.warnings) {
      const fresh = reply.warnings.filter((w) => !seen.has(warningKey(w)));
      if (fresh.length) return { warnings: fresh };
      reply = await request("export", { ...ask, confirmed: true });
    }
    if (reply.errors) return { errors: reply.errors };
    const bytes = Uint8Array.from(atob(reply.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: reply.type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = reply.name;
    a.click(); // detached, so Material's instant navigation never sees the click
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return null;
  }

  async function exportFile(link) {
    const workspace = link.closest(".pb-workspace");
    const form = workspace.querySelector("form[data-playbook-form]");
    const format = link.dataset.format || link.dataset.playbookDownload;
    link.setAttribute("aria-busy", "true");
    try {
      const problem = await download({ format, step: link.dataset.scope === "step" ? form.dataset.stepId : null });
      if (problem?.errors) showErrors(form, problem.errors);
      if (problem?.warnings) showWarnings(form, problem.warnings, "download-anyway", () => exportFile(link));
    } catch (error) {
      showErrors(form, [{ field: "", label: error.name || "Error", message: error.message }]);
    } finally {
      link.removeAttribute("aria-busy");
    }
  }

  // A line of news next to a case-file button: the form's "saved" line, or the loader's status.
  function tell(button, text) {
    const place = button.closest("form")?.querySelector(".pb-saved") || button.closest(".pb-load-case")?.querySelector(".pb-load-status");
    if (place) place.textContent = text;
  }

  // The whole case file as it is stored in this browser, written by Python exactly as the CLI writes it.
  // Warnings show in the form's panel; a button outside a form (a training case page) asks instead.
  async function exportCase(button) {
    if (!hasCase()) { tell(button, button.dataset.empty); return; }
    const form = button.closest("form");
    button.setAttribute("aria-busy", "true");
    try {
      const problem = await download({ format: "json", step: null });
      if (problem?.errors) tell(button, problem.errors.map((e) => e.message).join(" "));
      if (problem?.warnings && form) showWarnings(form, problem.warnings, "download-anyway", () => exportCase(button));
      else if (problem?.warnings && window.confirm([button.dataset.warnings, ...problem.warnings.map((w) => w.message)].join("\n\n"))) {
        for (const w of problem.warnings) seen.add(warningKey(w));
        await exportCase(button);
      }
    } catch (error) {
      tell(button, `${error.name || "Error"}: ${error.message}`);
    } finally {
      button.removeAttribute("aria-busy");
    }
  }

  function hasCase() {
    const data = load();
    return Boolean(data.case || Object.keys(data.forms).length);
  }

  // Put an opened case (a file, or a training case) into this browser and into the page.
  function store(reply) {
    save({ forms: reply.forms, case: reply.case, profile: reply.profile, training: reply.training });
    for (const f of document.querySelectorAll("form[data-playbook-form]")) {
      fillForm(f, reply.forms[f.dataset.playbookForm]);
      clearErrors(f);
    }
    showProfile();
  }

  async function loadCase(button) {
    if (hasCase() && !window.confirm(button.dataset.confirm)) return;
    button.setAttribute("aria-busy", "true");
    try {
      await startRuntime();
      store(await request("training", { id: button.dataset.case }));
      tell(button, button.dataset.done);
    } catch (error) {
      tell(button, `${button.dataset.failed}: ${error.message}`);
    } finally {
      button.removeAttribute("aria-busy");
    }
  }

  // --- the profile: which notes, checklist items and tabs the page shows ---------------------
  function showProfile() {
    const data = load();
    for (const select of document.querySelectorAll("select[data-playbook-profile]")) {
      select.value = data.profile[select.dataset.playbookProfile] || "";
      // Open the tab of the chosen profile, or the first ("any") tab, through Material's own handler.
      const labels = document.querySelectorAll(`[data-profile-tabs="${select.dataset.playbookProfile}"] .tabbed-labels > label`);
      const name = select.value ? select.selectedOptions[0].textContent : null;
      const label = [...labels].find((l) => l.textContent.trim() === name) || labels[0];
      if (label && !document.getElementById(label.htmlFor).checked) label.click();
    }
    const chosen = Object.entries(data.profile).filter(([, id]) => id).map(([kind, id]) => `${kind}:${id}`);
    for (const item of document.querySelectorAll("[data-profile-item]")) item.hidden = !chosen.includes(item.dataset.profileItem);
    for (const banner of document.querySelectorAll(".pb-training-banner")) {
      banner.hidden = !data.training;
      banner.textContent = data.training ? banner.dataset.text.replace("{title}", data.training) : "";
    }
  }

  async function chooseProfile(select) {
    const data = load();
    data.profile = { ...data.profile, [select.dataset.playbookProfile]: select.value };
    save(data);
    showProfile();
    try {
      await startRuntime();
      // Read the forms only now: the user may have typed while Python was starting.
      const current = load();
      const reply = await request("profile", { forms: current.forms, profile: current.profile });
      const now = load();
      now.forms = reply.forms;
      save(now);
      for (const f of document.querySelectorAll("form[data-playbook-form]")) fillForm(f, reply.forms[f.dataset.playbookForm]);
    } catch {
      // Without Python the defaults are not filled in; the choice itself is saved and shown.
    }
  }

  async function importCase(form, input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    if (hasCase() && !window.confirm(input.dataset.confirm)) return;
    try {
      await startRuntime();
      const reply = await request("open", { text: await file.text() });
      if (reply.problems) {
        showErrors(form, reply.problems.map((p) => ({ field: "", label: input.dataset.failed, message: `${p.path ? p.path + ": " : ""}${p.message}` })));
        return;
      }
      store(reply);
      form.querySelector(".pb-saved").textContent = input.dataset.done;
      if (reply.warnings.length) showWarnings(form, reply.warnings);
    } catch (error) {
      showErrors(form, [{ field: "", label: error.name || "Error", message: error.message }]);
    }
  }

  function clearAll(form) {
    if (!window.confirm(form.dataset.clearConfirm)) return;
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      // Ours, and the content tab Material remembers (it can tell which profile was read).
      if (key && (key.startsWith("remediation-playbook") || key.endsWith(".__tabs"))) localStorage.removeItem(key);
    }
    showProfile();
    for (const f of document.querySelectorAll("form[data-playbook-form]")) {
      f.reset();
      fillForm(f, null);
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
    form.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-playbook-action]");
      if (!button) return;
      const action = button.dataset.playbookAction;
      if (action === "clear-all") clearAll(form);
      else if (action === "export") exportCase(button);
      else if (action === "generate-anyway") { goPastWarnings(form); generate(form, true); }
      else if (action === "download-anyway") goPastWarnings(form)?.();
      else if (action === "clear-choice") {
        const radios = button.closest("fieldset").querySelectorAll("input[type=radio]");
        for (const radio of radios) radio.checked = false;
        radios[0].focus(); // the button hides once nothing is chosen
        onEdit();
      }
      else if (action === "add-row") {
        const row = addRow(form.querySelector(`[data-playbook-rows="${CSS.escape(button.dataset.rows)}"]`));
        row.querySelector("input, textarea").focus();
        onEdit();
      } else if (["move-up", "move-down", "remove-row"].includes(action)) { rowAction(button); onEdit(); }
    });
    form.querySelector('[data-playbook-action="import"]').addEventListener("change", (event) => importCase(form, event.target));
    const workspace = form.closest(".pb-workspace");
    for (const link of workspace.querySelectorAll("[data-playbook-download][data-scope]")) {
      link.addEventListener("click", (event) => { event.preventDefault(); exportFile(link); });
    }
  }

  function onPage() {
    const forms = document.querySelectorAll("form[data-playbook-form]");
    forms.forEach(bind);
    for (const select of document.querySelectorAll("select[data-playbook-profile]:not([data-bound])")) {
      select.dataset.bound = "true";
      select.addEventListener("change", () => chooseProfile(select));
    }
    for (const button of document.querySelectorAll('.pb-load-case [data-playbook-action]:not([data-bound])')) {
      button.dataset.bound = "true";
      button.addEventListener("click", () => (button.dataset.playbookAction === "load-case" ? loadCase(button) : exportCase(button)));
    }
    showProfile();
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
