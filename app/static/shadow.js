/* /ui/shadow: agreement per component over time, latency per arm, the latest disagreements and the
   counters, from GET /v1/shadow/report (sent with the operator token as a Bearer header). The report's
   shape is read defensively: missing fields show as "—". */
"use strict";

(() => {
  const {el, api, errorBox, message, fmt, pct} = addrnet;
  const $ = (id) => document.getElementById(id);
  const WINDOWS = [[1, "last hour"], [6, "last 6 hours"], [24, "last 24 hours"], [168, "last 7 days"]];
  const KEY = "addrnet.adminToken";
  const isNum = (x) => typeof x === "number" && isFinite(x);

  function headers() {
    const t = $("token").value.trim();
    return t ? {Authorization: `Bearer ${t}`} : {};
  }

  function report(hours, examples) {
    const since = new Date(Date.now() - hours * 3600e3).toISOString();
    return api("GET", `/v1/shadow/report?since=${encodeURIComponent(since)}&examples=${examples}`, undefined, headers());
  }

  function table(caption, head, rows, cls) {
    return el("div", {class: "scroll", role: "region", tabindex: "0", "aria-label": caption},
      el("table", {class: cls || null}, el("caption", {text: caption}),
        el("thead", {}, el("tr", {}, head.map((h, i) => el("th", {scope: "col", class: i ? "num" : null, text: h})))),
        el("tbody", {}, rows.map((r) => el("tr", {dataset: r.data || {}},
          r.cells.map((c, i) => (i === 0 ? el("th", {scope: "row"}, c) : el("td", {class: "num"}, c))))))));
  }

  function share(x) {
    if (!isNum(x)) return "—";
    const bar = el("span", {class: "bar", "aria-hidden": "true"});
    bar.style.width = `${Math.round(60 * x)}px`;  // CSSOM, not a style attribute: fine under a strict CSP
    return el("span", {}, bar, pct(x, 1));
  }

  /** written / dropped / failed, from the new "counters" or the older "runtime" block. */
  function counters(rep) {
    const c = rep.counters || rep.runtime;
    if (!c || typeof c !== "object") {
      return message("info", "No counters.", "This service runs no shadow arm (ADDRNET_SHADOW_ARM is not set).");
    }
    const total = (v) => (isNum(v) ? v : v && typeof v === "object" ? Object.values(v).filter(isNum).reduce((a, b) => a + b, 0) : null);
    const detail = (v) => (v && typeof v === "object" && Object.keys(v).length
      ? ` (${Object.entries(v).map(([k, n]) => `${k}: ${n}`).join(", ")})` : "");
    const rows = [
      {data: {counter: "written"}, cells: ["written", String(c.written ?? c.done ?? "—")]},
      {data: {counter: "dropped"}, cells: ["dropped", `${c.dropped_total ?? total(c.dropped) ?? "—"}${detail(c.dropped)}`]},
      {data: {counter: "failed"}, cells: ["failed", `${c.failed_total ?? total(c.failed) ?? c.errors ?? "—"}${detail(c.failed)}`]},
    ];
    for (const k of ["accepted", "pending", "queued", "rows", "pruned"]) {
      if (isNum(c[k])) rows.push({data: {counter: k}, cells: [k, String(c[k])]});
    }
    if (typeof c.invariant_holds === "boolean") {
      rows.push({data: {counter: "invariant"}, cells: ["accepted = written + dropped + failed + pending",
        c.invariant_holds ? "holds" : "BROKEN"]});
    }
    return table("Counters of this process since it started", ["counter", "value"], rows, "counters");
  }

  function agreement(reps) {
    const labels = [...new Set(reps.flatMap(([, r]) => Object.keys((r && r.agreement) || {})))].sort();
    const head = ["component", ...reps.map(([w, r]) => `${w} (${r && isNum(r.events) ? r.events : 0} events)`)];
    const rows = [{data: {label: "all"}, cells: ["all components", ...reps.map(([, r]) => share(r && r.agreement_all))]}];
    for (const l of labels) rows.push({data: {label: l}, cells: [l, ...reps.map(([, r]) => share(((r && r.agreement) || {})[l]))]});
    return table("Share of events where both arms give the same values, per component", head, rows, "agreement");
  }

  function latency(rep) {
    const lat = rep.latency_ms || {};
    const name = {primary: rep.primary_arm, shadow: rep.shadow_arm};
    const rows = Object.entries(lat).map(([role, v]) => ({
      data: {arm: role},
      cells: [`${role}${name[role] ? ` (arm ${name[role]})` : ""}`, `${fmt((v || {}).p50, 2)} ms`, `${fmt((v || {}).p95, 2)} ms`,
        isNum((v || {}).sample) ? String(v.sample) : "—"],
    }));
    return table("Latency per arm", ["arm", "p50", "p95", "events sampled"], rows, "latency");
  }

  function disagreements(rep) {
    const list = Array.isArray(rep.disagreements) ? rep.disagreements : [];
    const wrap = el("div", {});
    if (rep.texts_stored === false) {
      wrap.append(message("info", "Texts are not stored.",
        "Events keep a keyed hash of the text only; set ADDRNET_SHADOW_STORE_TEXT=1 to keep the texts."));
    }
    if (!list.length) {
      wrap.append(el("p", {text: "No disagreements in this window."}));
      return wrap;
    }
    for (const d of list) {
      const labels = [...new Set([...Object.keys(d.primary || {}), ...Object.keys(d.shadow || {})])].sort();
      const differs = new Set(d.differs || []);
      const text = typeof d.text === "string" && d.text
        ? el("q", {text: d.text})
        : el("span", {class: "meta", text: `text not stored${d.text_hash ? ` (hash ${String(d.text_hash).slice(0, 12)}…)` : ""}`});
      const rows = labels.map((l) => el("tr", {class: differs.has(l) ? "diff" : null},
        el("th", {scope: "row"}, l, differs.has(l) ? el("span", {class: "badge bad", text: " ≠"}) : null),
        el("td", {text: ((d.primary || {})[l] || ["—"]).join(" | ")}),
        el("td", {text: ((d.shadow || {})[l] || ["—"]).join(" | ")})));
      if (differs.has("top_place")) {
        rows.push(el("tr", {class: "diff"}, el("th", {scope: "row"}, "top place", el("span", {class: "badge bad", text: " ≠"})),
          el("td", {colspan: "2", text: "the arms' top places differ"})));
      }
      wrap.append(el("article", {class: "card disagreement", dataset: {id: String(d.id ?? "")}},
        el("h4", {}, `#${d.id ?? "?"} · ${d.route || "?"} · `, text),
        el("p", {class: "meta", text: `differs: ${[...differs].join(", ") || "—"}`}),
        el("div", {class: "scroll"}, el("table", {},
          el("thead", {}, el("tr", {}, el("th", {scope: "col", text: "component"}),
            el("th", {scope: "col", text: `primary${d.primary_arm || rep.primary_arm ? ` (${d.primary_arm || rep.primary_arm})` : ""}`}),
            el("th", {scope: "col", text: `shadow${d.shadow_arm || rep.shadow_arm ? ` (${d.shadow_arm || rep.shadow_arm})` : ""}`}))),
          el("tbody", {}, rows)))));
    }
    return wrap;
  }

  async function load() {
    const out = $("report");
    $("error").replaceChildren();
    $("status").textContent = "Loading the shadow report…";
    $("load").disabled = true;
    try {
      const chosen = Number($("window").value);
      const main = await report(chosen, 10);
      const reps = [];
      for (const [h, label] of WINDOWS) reps.push([label, h === chosen ? main : await report(h, 0)]);
      const wlabel = (WINDOWS.find(([h]) => h === chosen) || [0, ""])[1];
      out.replaceChildren(
        el("section", {class: "card", "aria-labelledby": "h-counters"}, el("h3", {id: "h-counters", text: "Counters"}), counters(main)),
        el("section", {class: "card", "aria-labelledby": "h-agree"}, el("h3", {id: "h-agree", text: "Agreement per component over time"}),
          el("p", {class: "meta", text: `primary arm ${main.primary_arm || "?"}, shadow arm ${main.shadow_arm || "none"}` +
            (main.routes && typeof main.routes === "object" && Object.keys(main.routes).length
              ? `; events per route (${wlabel}): ${Object.entries(main.routes).map(([k, n]) => `${k} ${n}`).join(", ")}` : "")}),
          agreement(reps)),
        el("section", {class: "card", "aria-labelledby": "h-lat"}, el("h3", {id: "h-lat", text: `Latency per arm (${wlabel})`}), latency(main)),
        el("section", {class: "card", "aria-labelledby": "h-dis"}, el("h3", {id: "h-dis", text: `Latest disagreements (${wlabel})`}),
          disagreements(main)));
      $("status").textContent = `Loaded the shadow report: ${isNum(main.events) ? main.events : 0} events in the ${wlabel}.`;
    } catch (e) {
      $("status").textContent = "";
      $("error").append(errorBox(e, "The shadow report"));
      if (e.status === 401 || e.status === 403) $("token").focus();
    } finally {
      $("load").disabled = false;
    }
  }

  function init() {
    $("token").value = sessionStorage.getItem(KEY) || "";
    $("form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      sessionStorage.setItem(KEY, $("token").value.trim());
      load();
    });
    document.body.dataset.ready = "1";
    load();
  }

  init();
})();
