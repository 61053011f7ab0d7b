/* The playground: parse (and resolve) addresses, one arm or two side by side. Uses only the documented
   fields: components[label, value, start, end, confidence] and results[name, region, country, lat, lon,
   score, match, explanation]. */
"use strict";

(() => {
  const {el, api, errorBox, message, fmt} = addrnet;
  const MAX_LINES = 20;
  const PLACES = 5;
  const COMPARE_PLACES = 3;  // side by side, the top three are enough to see where the arms part
  const $ = (id) => document.getElementById(id);
  const form = $("form"), q = $("q"), results = $("results"), status = $("status"), formError = $("form-error");
  let config = {labels: [], max_text_chars: 512, arms: [], primary_arm: null};
  let busy = false;

  const chars = (s) => [...s].length;  // code points, as the service counts them
  const lines = () => q.value.split(/\r?\n/).map((s) => s.trim()).filter((s) => s.length > 0);
  const confClass = (c) => (c >= 0.9 ? "conf-high" : c >= 0.6 ? "conf-mid" : "conf-low");
  const confWord = (c) => (c >= 0.9 ? "high" : c >= 0.6 ? "medium" : "low");
  const key = (c) => `${c.label}|${c.start}|${c.end}`;
  const placeKey = (p) => (p ? `${p.name}|${p.region}|${p.country}` : "");

  function option(select, name, selected) {
    select.append(el("option", {value: name, text: name + (name === config.primary_arm ? " (primary)" : ""),
      selected: name === selected}));
  }

  function fillArms() {
    const arms = config.arms.length ? config.arms : [config.primary_arm].filter(Boolean);
    const left = arms.includes("A") ? "A" : config.primary_arm || arms[0];
    const right = arms.includes("B") && left !== "B" ? "B" : arms.find((a) => a !== left) || left;
    for (const a of arms) {
      option($("arm"), a, config.primary_arm);
      option($("left"), a, left);
      option($("right"), a, right);
    }
    if (arms.length < 2) $("compare").disabled = true;
  }

  function fillLegend() {
    const ul = $("legend");
    ul.replaceChildren();
    for (const label of config.labels) {
      ul.append(el("li", {}, el("span", {class: `comp l-${label} conf-high`},
        el("span", {class: "val", text: label.replace("_", " ")}))));
    }
  }

  function showCompare() {
    const on = $("compare").checked;
    $("compare-arms").hidden = !on;
    $("arm-field").hidden = on;
  }

  function countHint() {
    const ls = lines();
    const longest = ls.reduce((m, s) => Math.max(m, chars(s)), 0);
    $("q-count").textContent = ls.length
      ? `${ls.length} line${ls.length === 1 ? "" : "s"}; longest ${longest} of ${config.max_text_chars} characters`
        + (longest > config.max_text_chars ? " (too long)" : "")
      : "";
  }

  /** A problem the page can tell before sending anything; null when the input is fine. */
  function checkInput(ls) {
    if (ls.length === 0) return ["Type an address first.", "Enter one address, or several on separate lines."];
    if (ls.length > MAX_LINES) {
      return [`That is ${ls.length} lines; the playground takes up to ${MAX_LINES}.`,
        "For more, send them to POST /parse/batch (see “Copy as curl”)."];
    }
    const i = ls.findIndex((s) => chars(s) > config.max_text_chars);
    if (i >= 0) {
      return [`Line ${i + 1} is too long: ${chars(ls[i])} characters; the limit is ${config.max_text_chars}.`,
        "Shorten it: an address rarely needs more than a few hundred characters."];
    }
    return null;
  }

  function state() {
    return {
      lines: lines(), compare: $("compare").checked, resolve: $("resolve").checked,
      arm: $("arm").value, left: $("left").value, right: $("right").value,
    };
  }

  function shareUrl(s) {
    const p = new URLSearchParams();
    p.set("q", s.lines.join("\n"));
    if (s.compare) { p.set("compare", "1"); p.set("left", s.left); p.set("right", s.right); }
    else if (s.arm && s.arm !== config.primary_arm) p.set("arm", s.arm);
    if (!s.resolve) p.set("places", "0");
    return `${location.origin}/?${p.toString()}`;
  }

  const shq = (s) => `'${s.replace(/'/g, "'\\''")}'`;

  function curlFor(s) {
    const arms = s.compare ? [s.left, s.right] : [s.arm];
    return arms.map((arm) => {
      let path, body;
      if (s.lines.length > 1) { path = "/parse/batch"; body = {texts: s.lines}; }
      else if (s.resolve) { path = "/resolve"; body = {text: s.lines[0] || "", limit: PLACES}; }
      else { path = "/parse"; body = {text: s.lines[0] || ""}; }
      if (arm) body.arm = arm;
      return `curl -sS -X POST ${shq(location.origin + path)} -H 'Content-Type: application/json' -d ${shq(JSON.stringify(body))}`;
    }).join("\n");
  }

  async function copy(text, what, where) {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `Copied the ${what} to the clipboard.`;
      return true;
    } catch (e) {
      status.textContent = `This browser keeps the clipboard closed here: copy the ${what} from ${where}.`;
      return false;
    }
  }

  /* ---------- rendering ---------- */

  function highlight(parse, diff, armName) {
    const cps = [...parse.text];  // the service's offsets count code points, not UTF-16 units
    const slice = (a, b) => cps.slice(a, b).join("");
    const comps = [...parse.components].sort((a, b) => a.start - b.start);
    const box = el("p", {class: "hl", "aria-label": `Address with labelled parts${armName ? ", arm " + armName : ""}`});
    let at = 0;
    for (const c of comps) {
      if (c.start < at) continue;  // overlapping spans are not expected; never draw text twice
      if (c.start > at) box.append(slice(at, c.start));
      const differs = diff && diff.has(key(c));
      const conf = Number(c.confidence);
      const tip = `${c.label.replace("_", " ")}: confidence ${fmt(conf, 4)}${differs ? "; the other arm differs" : ""}`;
      box.append(el("mark", {
        class: `comp l-${c.label} ${confClass(conf)}${differs ? " diff" : ""}`, tabindex: "0",
        "aria-label": `${c.value}: ${tip}`,
        dataset: {label: c.label, start: String(c.start), end: String(c.end), confidence: String(c.confidence)},
      },
      el("span", {class: "val", text: slice(c.start, c.end)}),
      el("span", {class: "tag", "aria-hidden": "true", text: c.label.replace("_", " ")}),
      el("span", {class: "tip", role: "tooltip", "aria-hidden": "true", text: tip})));
      at = c.end;
    }
    if (at < cps.length) box.append(slice(at, cps.length));
    return box;
  }

  function componentTable(parse, diff, caption) {
    const head = ["Label", "Value", "Span", "Confidence"];
    if (diff) head.push("Arms");
    const tbody = el("tbody");
    for (const c of parse.components) {
      const differs = diff && diff.has(key(c));
      const conf = Number(c.confidence);
      tbody.append(el("tr", {class: differs ? "diff" : null, dataset: {label: c.label}},
        el("td", {}, el("span", {class: `swatch l-${c.label}`, "aria-hidden": "true"}), c.label),
        el("td", {text: c.value}),
        el("td", {class: "num", text: `${c.start}–${c.end}`}),
        el("td", {class: "num", title: `exact value ${c.confidence}`}, `${fmt(conf, 4)} `,
          el("span", {class: "hint", text: `(${confWord(conf)})`})),
        diff ? el("td", {}, differs ? el("span", {class: "badge bad", text: "≠ differs"})
          : el("span", {class: "badge ok", text: "= same"})) : null));
    }
    if (!parse.components.length) {
      tbody.append(el("tr", {}, el("td", {colspan: String(head.length), text: "No components found."})));
    }
    return el("div", {class: "scroll", role: "region", tabindex: "0", "aria-label": caption},
      el("table", {class: "components"}, el("caption", {text: caption}),
        el("thead", {}, el("tr", {}, head.map((h) => el("th", {scope: "col", text: h, class: h === "Span" || h === "Confidence" ? "num" : null})))),
        tbody));
  }

  function mapLink(p) {
    const lat = Number(p.lat), lon = Number(p.lon);
    if (!isFinite(lat) || !isFinite(lon)) return "—";
    const href = `https://www.openstreetmap.org/?mlat=${lat.toFixed(5)}&mlon=${lon.toFixed(5)}#map=12/${lat.toFixed(5)}/${lon.toFixed(5)}`;
    return el("a", {href, rel: "noopener noreferrer", target: "_blank"}, "map",
      el("span", {class: "visually-hidden", text: ` of ${p.name} (opens OpenStreetMap in a new tab)`}));
  }

  function placesTable(res, caption, topDiffers) {
    if (res instanceof Error) return errorBox(res, "Place lookup");
    const rows = res.results || [];
    const box = el("div", {class: "places-box"});
    const r = res.reading;  // optional: the resolver's own reading when it differs from the tagger's top parse
    if (r && r.differs_from_parse && r.components && typeof r.components === "object") {
      box.append(message("info", "The resolver read this address differently from the parse above.",
        `${r.source ? r.source + ": " : ""}${Object.entries(r.components).map(([k, v]) => `${k} “${v}”`).join(", ")}.`));
    }
    if (!rows.length) {
      box.append(message("info", "No place found.", "The gazetteer has no match for these components."));
      return box;
    }
    const head = ["#", "Name", "Region", "Country", "Match", "Score", "Coordinates", "Explanation", "Map"];
    const tbody = el("tbody");
    rows.forEach((p, i) => {
      const cells = [
        [String(i + 1), i === 0 && topDiffers ? el("span", {class: "badge bad", text: " ≠ differs"}) : null],
        [p.name, p.label && (p.street || p.house_number) ? el("span", {class: "meta", text: ` (${p.label})`}) : null],
        [p.region || "—"], [p.country || "—"], [[p.level, p.match].filter(Boolean).join(" · ") || "—"],
        [fmt(Number(p.score), 3)],
        [`${fmt(Number(p.lat), 5)}, ${fmt(Number(p.lon), 5)}`, isFinite(Number(p.accuracy_m)) && p.accuracy_m !== null
          ? el("span", {class: "meta acc", text: ` ±${accuracy(Number(p.accuracy_m))}${p.accuracy ? ` (${p.accuracy})` : ""}`}) : null],
        [p.explanation || "—"], [mapLink(p)],
      ];
      tbody.append(el("tr", {class: i === 0 && topDiffers ? "diff" : null},
        cells.map((c, j) => el("td", {class: j === 0 || j === 5 || j === 6 ? "num" : null, dataset: {th: j ? head[j] : "Rank"}}, ...c))));
    });
    box.append(el("div", {class: "scroll", role: "region", tabindex: "0", "aria-label": caption},
      el("table", {class: "places"}, el("caption", {text: caption}),
        el("thead", {}, el("tr", {}, head.map((h) => el("th", {scope: "col", text: h})))), tbody)));
    return box;
  }

  const accuracy = (m) => (m >= 1000 ? `${fmt(m / 1000, m >= 10000 ? 0 : 1)} km` : `${fmt(m, 0)} m`);

  function modelLine(parse) {
    const m = parse.model || {};
    const bits = [`arm ${parse.arm || m.arm || "?"}`];
    if (m.version) bits.push(`model ${m.version}`);
    if (m.corpus) bits.push(`corpus ${m.corpus}`);
    return el("p", {class: "meta", text: bits.join(" · ")});
  }

  /* ---------- running ---------- */

  async function one(text, arm, withPlaces, places) {
    const out = {parse: null, places: null, error: null};
    try {
      out.parse = await api("POST", "/parse", {text, arm});
    } catch (e) {
      out.error = e;
      return out;
    }
    if (withPlaces) {
      try {
        out.places = await api("POST", "/resolve", {text, arm, limit: places});
      } catch (e) {
        out.places = e;
      }
    }
    return out;
  }

  function armColumn(r, armName, diff, topDiffers, n) {
    const col = el("div", {class: "col", dataset: {arm: armName}}, el("h3", {text: `Arm ${armName}`}));
    if (r.error) { col.append(errorBox(r.error, "Parsing")); return col; }
    col.append(modelLine(r.parse), highlight(r.parse, diff, armName),
      componentTable(r.parse, diff, `Components of address ${n}, arm ${armName}`));
    if (r.places) col.append(placesTable(r.places, `Places for address ${n}, arm ${armName}`, topDiffers));
    return col;
  }

  function diffKeys(a, b) {
    const ka = new Set(a.components.map(key)), kb = new Set(b.components.map(key));
    const values = (p) => new Map(p.components.map((c) => [key(c), c.value]));
    const va = values(a), vb = values(b);
    const out = new Set();
    for (const k of ka) if (!kb.has(k) || va.get(k) !== vb.get(k)) out.add(k);
    for (const k of kb) if (!ka.has(k) || va.get(k) !== vb.get(k)) out.add(k);
    return out;
  }

  async function run(s) {
    formError.replaceChildren();
    const problem = checkInput(s.lines);
    if (problem) {
      formError.append(message("error", problem[0], problem[1]));
      q.focus();
      return;
    }
    history.replaceState(null, "", shareUrl(s));
    busy = true;
    $("go").disabled = true;
    results.setAttribute("aria-busy", "true");
    status.textContent = `Parsing ${s.lines.length} address${s.lines.length === 1 ? "" : "es"}…`;
    const cards = [];
    let failed = 0;
    for (const [i, text] of s.lines.entries()) {
      const n = i + 1;
      const card = el("article", {class: "card", dataset: {line: String(n)}, "aria-labelledby": `addr-${n}`},
        el("h2", {id: `addr-${n}`, text: s.lines.length > 1 ? `Address ${n}: ${text}` : text}));
      if (s.compare) {
        const [a, b] = [await one(text, s.left, s.resolve, COMPARE_PLACES), await one(text, s.right, s.resolve, COMPARE_PLACES)];
        if (a.error || b.error) failed += 1;
        const diff = a.parse && b.parse ? diffKeys(a.parse, b.parse) : null;
        const tops = [a.places, b.places].map((p) => (p && !(p instanceof Error) ? placeKey((p.results || [])[0]) : null));
        const topDiffers = tops[0] !== null && tops[1] !== null && tops[0] !== tops[1];
        if (diff) {
          const labels = [...new Set([...diff].map((k) => k.split("|")[0]))];
          card.append(el("p", {class: `summary ${diff.size || topDiffers ? "differs" : "agrees"}`, dataset: {differs: String(diff.size)}},
            diff.size ? `≠ Arms ${s.left} and ${s.right} disagree on ${diff.size} component span${diff.size === 1 ? "" : "s"} (${labels.join(", ")}).`
              : `= Arms ${s.left} and ${s.right} agree on every component.`,
            topDiffers ? " Their top places differ." : ""));
        }
        card.append(el("div", {class: "cols"}, armColumn(a, s.left, diff, topDiffers, n), armColumn(b, s.right, diff, topDiffers, n)));
      } else {
        const r = await one(text, s.arm, s.resolve, PLACES);
        if (r.error) { failed += 1; card.append(errorBox(r.error, "Parsing")); }
        else {
          card.append(modelLine(r.parse), highlight(r.parse, null, null),
            componentTable(r.parse, null, `Components of address ${n}`));
          if (r.places) card.append(placesTable(r.places, `Places for address ${n}`, false));
        }
      }
      cards.push(card);
      results.replaceChildren(...cards);
    }
    results.removeAttribute("aria-busy");
    $("go").disabled = false;
    busy = false;
    status.textContent = failed
      ? `Done: ${failed} of ${s.lines.length} could not be parsed; see the messages below.`
      : `Parsed ${s.lines.length} address${s.lines.length === 1 ? "" : "es"}` +
        (s.compare ? ` with arms ${s.left} and ${s.right}.` : ` with arm ${s.arm || config.primary_arm}.`);
  }

  function fromUrl() {
    const p = new URLSearchParams(location.search);
    if (!p.has("q")) return false;
    q.value = p.get("q");
    if (p.get("places") === "0") $("resolve").checked = false;
    const pick = (id, v) => { if (v && [...$(id).options].some((o) => o.value === v)) $(id).value = v; };
    pick("arm", p.get("arm"));
    if (p.get("compare") === "1" && !$("compare").disabled) {
      $("compare").checked = true;
      pick("left", p.get("left"));
      pick("right", p.get("right"));
    }
    showCompare();
    countHint();
    return q.value.trim().length > 0;
  }

  async function init() {
    try {
      config = await api("GET", "/ui/config.json");
    } catch (e) {
      formError.append(errorBox(e, "The service"));
    }
    fillArms();
    fillLegend();
    showCompare();
    form.addEventListener("submit", (ev) => { ev.preventDefault(); if (!busy) run(state()); });
    q.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); if (!busy) run(state()); }
    });
    q.addEventListener("input", countHint);
    $("compare").addEventListener("change", showCompare);
    for (const b of document.querySelectorAll("[data-example]")) {
      b.addEventListener("click", () => { q.value = b.dataset.example; countHint(); if (!busy) run(state()); });
    }
    $("share").addEventListener("click", () => {
      const s = state();
      if (s.lines.length) history.replaceState(null, "", shareUrl(s));
      copy(shareUrl(s), "link", "the address bar");
    });
    $("curl").addEventListener("click", async () => {
      const s = state();
      const problem = checkInput(s.lines);
      formError.replaceChildren();
      if (problem) { formError.append(message("error", problem[0], problem[1])); q.focus(); return; }
      $("curl-text").value = curlFor(s);
      $("curl-box").hidden = false;
      if (!(await copy($("curl-text").value, "curl command", "the box below"))) $("curl-text").select();
    });
    document.body.dataset.ready = "1";
    if (fromUrl()) await run(state());
  }

  init();
})();
