/* /ui/eval: the release decision, the per-format resolver table, reliability diagrams and training curves,
   all from /ui/eval/data.json (the eval sidecars, re-read on every load). */
"use strict";

(() => {
  const {el, api, errorBox, message, fmt, pct} = addrnet;
  const $ = (id) => document.getElementById(id);

  const prop = (m) => (m && typeof m.value === "number"
    ? `${pct(m.value, 2)} (${m.successes}/${m.n}${Array.isArray(m.ci95) ? `; 95% CI ${pct(m.ci95[0], 1)}–${pct(m.ci95[1], 1)}` : ""})`
    : "—");

  function table(caption, head, rows, cls) {
    return el("div", {class: "scroll", role: "region", tabindex: "0", "aria-label": caption},
      el("table", {class: cls || null}, el("caption", {text: caption}),
        el("thead", {}, el("tr", {}, head.map((h, i) => el("th", {scope: "col", class: i ? "num" : null, text: h})))),
        el("tbody", {}, rows.map((r) => el("tr", {dataset: r.data || {}},
          r.cells.map((c, i) => (i === 0 ? el("th", {scope: "row", text: c}) : el("td", {class: "num"}, c))))))));
  }

  function stateBadge(c) {
    const good = c.state === "gain", bad = c.state === "reversed";
    return el("span", {class: `badge ${good ? "ok" : bad ? "bad" : ""}`, text: c.state || (c.tie ? "tie" : "—")});
  }

  function decision(d, armNames) {
    const sec = $("decision");
    sec.hidden = false;
    if (!d) {
      sec.append(message("warn", "No release decision yet.", "Run `make eval` to write results/release/decision.json."));
      return;
    }
    sec.append(el("p", {}, "Decision: ", el("span", {class: "decision", id: "decision-value", text: d.decision || "—"})));
    if (d.branch) sec.append(el("p", {}, el("strong", {text: "Branch: "}), d.branch));
    for (const n of d.notes || []) sec.append(el("p", {class: "meta", text: `Note: ${n}`}));
    const bits = [];
    if (d.corpus_version) bits.push(`corpus ${d.corpus_version}`);
    if (d.tokenizer_version) bits.push(`tokenizer ${d.tokenizer_version}`);
    if (bits.length) sec.append(el("p", {class: "meta", text: bits.join(" · ")}));
    const [a, b] = [armNames[0] || "A", armNames[1] || "B"];
    const rows = (d.comparisons || []).map((c) => ({
      data: {metric: c.metric},
      cells: [c.metric, pct(c.a, 2), pct(c.b, 2),
        `${c.delta >= 0 ? "+" : ""}${fmt(100 * c.delta, 2)}pp ± ${fmt(100 * c.sigma, 2)} (σ)`, stateBadge(c)],
    }));
    for (const r of d.informational || []) {
      if (Array.isArray(r) && r.length >= 4) rows.push({data: {metric: r[0]}, cells: [r[0], r[1], r[2], r[3], "informational"]});
    }
    sec.append(table("Figures per arm: the first rows enter the rule; the rest are informational",
      ["metric", `arm ${a} (pretrained)`, `arm ${b} (scratch)`, `Δ (${a}−${b})`, "state"], rows, "comparisons"));
    const paired = Array.isArray(d.paired) ? d.paired : [];
    if (paired.length) {
      sec.append(table("Paired test on the same cases (information only; the decision uses the unpaired σ above)",
        ["metric", "n", `${a} right, ${b} wrong`, `${a} wrong, ${b} right`, `Δ (${a}−${b}) ± σ paired`, "McNemar p"],
        paired.map((p) => ({data: {metric: p.metric}, cells: [p.metric, String(p.n ?? "—"), String(p.a_right_b_wrong ?? "—"),
          String(p.a_wrong_b_right ?? "—"), `${p.delta >= 0 ? "+" : ""}${fmt(100 * p.delta, 2)}pp ± ${fmt(100 * p.sigma_paired, 2)}`,
          fmt(p.mcnemar_p, 3)]})), "paired"));
    }
    const peers = d.peers_harness_pass_rate;
    if (peers && typeof peers === "object") {
      const systems = [...new Set(Object.values(peers).flatMap((v) => Object.keys(v || {})))];
      sec.append(table("Pelias harness pass-rate beside the peers", ["system", ...Object.keys(peers).map((x) => `run with arm ${x}`)],
        systems.map((s) => ({cells: [s, ...Object.values(peers).map((v) => pct((v || {})[s], 2))]}))));
    }
    if (d.rule) {
      sec.append(el("details", {}, el("summary", {text: "The pre-registered rule"}), el("pre", {class: "rule", text: d.rule})));
    }
  }

  function resolver(arms) {
    const names = Object.keys(arms).filter((n) => arms[n].resolver);
    if (!names.length) return;
    const sec = $("resolver");
    sec.hidden = false;
    const formats = [...new Set(names.flatMap((n) => Object.keys(arms[n].resolver.per_format || {})))];
    const rows = formats.map((f) => ({data: {format: f}, cells: [f, ...names.map((n) => prop((arms[n].resolver.per_format || {})[f]))]}));
    rows.push({data: {format: "all"}, cells: ["all formats (Acc@1)", ...names.map((n) => prop(arms[n].resolver.accuracy))]});
    rows.push({data: {format: "acc_at_5"}, cells: ["all formats (Acc@5)", ...names.map((n) => prop(arms[n].resolver.acc_at_5))]});
    rows.push({cells: ["median distance", ...names.map((n) => `${fmt((arms[n].resolver.distance_km || {}).median, 2)} km`)]});
    rows.push({cells: ["within 10 km", ...names.map((n) => pct((arms[n].resolver.distance_km || {}).within_10km, 2))]});
    sec.append(table("Locality Acc@1 per format of the same eval points", ["format", ...names.map((n) => `arm ${n}`)], rows, "per-format"));
    const other = names.map((n) => {
      const a = arms[n];
      const parts = [`arm ${n}`];
      if (a.harness) parts.push(`harness pass-rate ${prop(a.harness)}`);
      if (a.components && a.components.micro) parts.push(`components micro F1 ${fmt(a.components.micro.f1, 4)}`);
      if (a.date) parts.push(`eval run ${a.date}${a.git_sha ? ` at git ${String(a.git_sha).slice(0, 7)}` : ""}`);
      return el("li", {text: parts.join(" · ")});
    });
    sec.append(el("ul", {class: "meta"}, other));
  }

  function figure(src, alt, caption) {
    if (!src) return el("p", {class: "meta", text: `${caption}: no image was written.`});
    return el("figure", {}, el("img", {src, alt}), el("figcaption", {text: caption}));
  }

  function calibration(arms) {
    const names = Object.keys(arms);
    if (!names.length) return;
    const sec = $("calibration");
    sec.hidden = false;
    const rows = [
      {cells: ["ECE", ...names.map((n) => fmt((arms[n].calibration || {}).ece, 4))]},
      {cells: ["wrong at confidence ≥ 0.9", ...names.map((n) => pct((arms[n].calibration || {})["wrong_at_conf_ge_0.9"], 2))]},
      {cells: ["p90 confidence of wrong components", ...names.map((n) => fmt((arms[n].calibration || {}).p90_conf_of_wrong, 4))]},
    ];
    sec.append(table("Calibration figures", ["metric", ...names.map((n) => `arm ${n}`)], rows));
    const cols = el("div", {class: "cols"});
    for (const n of names) {
      const c = arms[n].calibration || {};
      const col = el("div", {class: "col"}, el("h3", {text: `Arm ${n}`}),
        figure(arms[n].images.reliability, `Reliability diagram of arm ${n}: accuracy against confidence per bin; ECE ${fmt(c.ece, 4)}`,
          `Reliability diagram, arm ${n}`));
      if (Array.isArray(c.bins) && c.bins.length) {
        col.append(el("details", {}, el("summary", {text: `The diagram's bins as a table (arm ${n})`}),
          table(`Reliability bins, arm ${n}`, ["confidence bin", "components", "mean confidence", "accuracy"],
            c.bins.map((b) => ({cells: [`${fmt(b.lo, 1)}–${fmt(b.hi, 1)}`, String(b.n), fmt(b.mean_confidence, 3), fmt(b.accuracy, 3)]})))));
      }
      cols.append(col);
    }
    sec.append(cols);
  }

  function curves(arms) {
    const names = Object.keys(arms);
    if (!names.length) return;
    const sec = $("curves");
    sec.hidden = false;
    sec.append(el("div", {class: "cols"}, names.map((n) => el("div", {class: "col"}, el("h3", {text: `Arm ${n}`}),
      figure(arms[n].images.curves, `Training curves of arm ${n}: loss and dev scores by step`, `Training curves, arm ${n} (from the arm's artifact)`)))));
  }

  async function init() {
    try {
      const data = await api("GET", "/ui/eval/data.json");
      const arms = data.arms || {};
      decision(data.decision, Object.keys(arms));
      resolver(arms);
      calibration(arms);
      curves(arms);
      $("status").textContent = Object.keys(arms).length
        ? `Loaded the eval results of arm${Object.keys(arms).length > 1 ? "s" : ""} ${Object.keys(arms).join(" and ")}.`
        : "No eval results yet.";
    } catch (e) {
      $("status").textContent = "";
      $("error").append(errorBox(e, "The eval results"));
    }
    document.body.dataset.ready = "1";
  }

  init();
})();
