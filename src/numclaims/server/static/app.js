// numclaims page: calls POST /claims and POST /export/{format} of the same server.
"use strict";

const $ = (sel) => document.querySelector(sel);
const state = { claims: [], text: "", sortKey: null, sortDir: 1 };

const QUALIFIERS = {
  approx: "aprox.", at_least: "al menos", at_most: "como mucho",
  more_than: "más de", less_than: "menos de", range: "rango",
};

function status(message, isError = false) {
  const el = $("#status");
  el.textContent = message;
  el.classList.toggle("error", isError);
}

function valueText(c) {
  if (c.value_exact !== null && c.value_exact !== undefined) return c.value_exact;
  if (c.value_min_exact && c.value_max_exact) return `${c.value_min_exact}–${c.value_max_exact}`;
  if (c.value_min_exact) return `≥ ${c.value_min_exact}`;
  if (c.value_max_exact) return `≤ ${c.value_max_exact}`;
  return "";
}

function cell(c, key) {
  switch (key) {
    case "value": return valueText(c);
    case "unit": return c.unit ? (c.unit.code || c.unit.symbol || c.unit.name || c.unit.text || "") : "";
    case "qualifier": return c.qualifier ? (QUALIFIERS[c.qualifier] || c.qualifier) : "";
    case "subject": return c.subject ? c.subject.text : "";
    case "speaker": return speakerOf(c);
    default: return c[key] === null || c[key] === undefined ? "" : String(c[key]);
  }
}

function speakerOf(c) {
  return c.speaker ? (c.speaker.name || c.speaker.text || "") : "";
}

function sortValue(c, key) {
  if (key === "value") {
    const v = c.value ?? c.value_min ?? c.value_max;
    return v === null || v === undefined ? -Infinity : Number(v);
  }
  if (key === "text") return c.start_char;
  return cell(c, key).toLocaleLowerCase("es");
}

function visible() {
  const kind = $("#filter-kind").value;
  const speaker = $("#filter-speaker").value;
  let rows = state.claims.filter((c) =>
    (!kind || c.kind === kind) &&
    (!speaker || (speaker === "\u0000none" ? !c.speaker : speakerOf(c) === speaker)));
  if (state.sortKey) {
    const key = state.sortKey;
    rows = rows.slice().sort((a, b) => {
      const x = sortValue(a, key), y = sortValue(b, key);
      return (x < y ? -1 : x > y ? 1 : a._i - b._i) * state.sortDir;
    });
  }
  return rows;
}

function draw() {
  const body = $("#claims tbody");
  body.replaceChildren();
  const rows = visible();
  for (const c of rows) {
    const tr = document.createElement("tr");
    tr.className = `kind-${c.kind}`;
    tr.dataset.index = String(c._i);
    const box = document.createElement("td");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.className = "select";
    input.checked = Boolean(c._selected);
    input.setAttribute("aria-label", `marcar ${c.text}`);
    input.addEventListener("change", () => { c._selected = input.checked; });
    box.append(input);
    tr.append(box);
    for (const key of ["text", "value", "unit", "qualifier", "subject", "speaker", "modality", "kind", "claim_type"]) {
      const td = document.createElement("td");
      td.className = key;
      td.textContent = cell(c, key);
      tr.append(td);
    }
    body.append(tr);
  }
  $("#count").textContent = `${rows.length} de ${state.claims.length} afirmaciones`;
  for (const th of document.querySelectorAll("th[data-key]")) {
    const on = th.dataset.key === state.sortKey;
    th.setAttribute("aria-sort", on ? (state.sortDir > 0 ? "ascending" : "descending") : "none");
  }
}

function fillSelect(select, values, extra) {
  const keep = select.value;
  select.replaceChildren(new Option("todos", ""));
  for (const [value, label] of values) select.append(new Option(label, value));
  if (extra) select.append(new Option(extra[1], extra[0]));
  select.value = [...select.options].some((o) => o.value === keep) ? keep : "";
}

function fillFilters() {
  const kinds = [...new Set(state.claims.map((c) => c.kind))].sort();
  fillSelect($("#filter-kind"), kinds.map((k) => [k, k]));
  const speakers = [...new Set(state.claims.map(speakerOf).filter(Boolean))].sort();
  const none = state.claims.some((c) => !c.speaker) ? ["\u0000none", "(sin hablante)"] : null;
  fillSelect($("#filter-speaker"), speakers.map((s) => [s, s]), none);
}

async function analyze(payload) {
  const button = $("#analyze");
  button.disabled = true;
  status("Analizando…");
  try {
    const response = await fetch("/claims", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...payload, render: true }),
    });
    const data = await response.json().catch(() => ({ error: `respuesta ${response.status}` }));
    if (!response.ok) {
      status(`Error: ${data.error || response.status}`, true);
      return;
    }
    state.text = data.text ?? payload.text ?? "";
    state.claims = data.claims.map((c, i) => ({ ...c, _i: i }));
    state.sortKey = null;
    $("#rendered").innerHTML = data.html;
    fillFilters();
    draw();
    $("#results").hidden = false;
    status(`${state.claims.length} afirmaciones encontradas.`);
  } catch (err) {
    status(`Error: ${err}`, true);
  } finally {
    button.disabled = false;
  }
}

function record(c) {
  const out = {};
  for (const [k, v] of Object.entries(c)) if (!k.startsWith("_")) out[k] = v;
  return out;
}

async function exportAs(format) {
  const chosen = state.claims.filter((c) => c._selected);
  const claims = (chosen.length ? chosen : visible()).map(record);
  const response = await fetch(`/export/${format}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ claims, text: state.text, url: $("#url").value || null }),
  });
  if (!response.ok) {
    const data = await response.json().catch(() => ({}));
    status(`Error al exportar: ${data.error || response.status}`, true);
    return;
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const name = (disposition.match(/filename="([^"]+)"/) || [null, `numclaims.${format}`])[1];
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  status(`Exportadas ${claims.length} afirmaciones (${name}).`);
}

$("#analyze").addEventListener("click", () => analyze({ text: $("#text").value }));
$("#sample").addEventListener("click", async () => {
  const response = await fetch("/sample");
  $("#text").value = (await response.json()).text;
  analyze({ text: $("#text").value });
});
$("#file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const content = await file.text();
  if (/\.html?$/i.test(file.name) || file.type === "text/html") {
    $("#text").value = "";
    analyze({ html: content });
  } else {
    $("#text").value = content;
    analyze({ text: content });
  }
});
$("#filter-kind").addEventListener("change", draw);
$("#filter-speaker").addEventListener("change", draw);
$("#select-all").addEventListener("change", (event) => {
  for (const c of visible()) c._selected = event.target.checked;
  draw();
});
for (const th of document.querySelectorAll("th[data-key]")) {
  th.addEventListener("click", () => {
    const key = th.dataset.key;
    state.sortDir = state.sortKey === key ? -state.sortDir : 1;
    state.sortKey = key;
    draw();
  });
}
for (const button of document.querySelectorAll("button[data-format]")) {
  button.addEventListener("click", () => exportAs(button.dataset.format));
}
