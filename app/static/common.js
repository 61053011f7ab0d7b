/* Helpers shared by the addrnet pages: element building, API calls, readable error messages. */
"use strict";

const addrnet = (() => {
  /** el("td", {class: "num", text: "1"}, child, ...) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  /** fetch JSON; a non-2xx answer becomes an ApiError with the service's {"error": {code, message}}. */
  async function api(method, path, body, headers) {
    let res;
    try {
      res = await fetch(path, {
        method,
        headers: Object.assign(body === undefined ? {} : {"Content-Type": "application/json"}, headers || {}),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, "network_error", "the service did not answer");
    }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const err = (data && data.error) || {};
      throw new ApiError(res.status, err.code || "http_error", err.message || res.statusText || "no message");
    }
    return data;
  }

  /** A readable sentence for an API error: what happened, what to do. */
  function describe(err, what) {
    const m = err.message || "";
    const s = err.status;
    if (s === 0) return ["The service did not answer.", "Check that it is running, then try again."];
    if (s === 401) return ["This needs the operator token.", "Enter the token (ADDRNET_ADMIN_TOKEN) and load again."];
    if (s === 403) return ["Not allowed from this address.", m];
    if (s === 413) return ["The request is too large.", `The service refused it: ${m}. Send shorter text or fewer lines.`];
    if (s === 422) return ["The service could not accept this input.", m];
    if (s === 429) return ["Too many requests.", "Wait a moment and try again."];
    if (s === 503 && err.code === "database_unavailable") {
      return [`${what || "This"} is unavailable: the gazetteer database does not answer.`,
              "Parsing still works; try places again later. " + m];
    }
    if (s === 503) return [`${what || "This"} is unavailable right now.`, m];
    if (s === 404) return ["Not found.", m];
    return [`The service answered with an error (${s}).`, m];
  }

  /** A message box: kind is "error", "warn" or "info". */
  function message(kind, title, detail, err) {
    const box = el("div", {class: `msg ${kind}`, dataset: err ? {status: String(err.status), code: err.code} : {}},
      el("strong", {text: title}));
    if (detail) box.append(el("span", {text: detail}));
    if (err && err.status) box.append(" ", el("code", {text: `HTTP ${err.status} ${err.code}`}));
    return box;
  }

  function errorBox(err, what) {
    const [title, detail] = describe(err, what);
    return message("error", title, detail, err);
  }

  function fmt(x, digits) {
    return typeof x === "number" && isFinite(x) ? x.toFixed(digits) : "—";
  }

  function pct(x, digits) {
    return typeof x === "number" && isFinite(x) ? `${(100 * x).toFixed(digits === undefined ? 1 : digits)}%` : "—";
  }

  return {el, api, ApiError, describe, message, errorBox, fmt, pct};
})();
