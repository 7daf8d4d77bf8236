/**
 * The review page's script, inlined in the page (works opened from disk, no network): a click on an
 * overview header sorts by that column (again: the other way; empty values last, ties in ranked
 * order), the filter box hides the reports and rows that do not contain its words, 全部展开 / 全部收起
 * open and close every report, and printing opens every report first. The page's address may say
 * `#sort=errors-desc&filter=南县` to open sorted (as by clicks on that header) and filtered. Everything shown is already in the HTML,
 * so the page reads the same without the script; when the script has run, `data-ready` is set on <html>.
 */
export const REVIEW_PAGE_SCRIPT = `
(function () {
  "use strict";
  var table = document.getElementById("overview");
  if (!table) return;
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var state = { col: 0, dir: 1 };
  function rank(row) { return Number(row.getAttribute("data-rank")); }
  function compare(col, dir) {
    var numeric = heads[col].getAttribute("data-type") === "num";
    return function (a, b) {
      var x = numeric ? a.cells[col].getAttribute("data-v") : a.cells[col].textContent.trim();
      var y = numeric ? b.cells[col].getAttribute("data-v") : b.cells[col].textContent.trim();
      if (x === "" && y === "") return rank(a) - rank(b);
      if (x === "") return 1;
      if (y === "") return -1;
      var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
      return d * dir || rank(a) - rank(b);
    };
  }
  function sortBy(col, dir) {
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(compare(col, dir));
    rows.forEach(function (r) { body.appendChild(r); });
    heads.forEach(function (h, i) {
      h.setAttribute("aria-sort", i === col ? (dir > 0 ? "ascending" : "descending") : "none");
    });
    state = { col: col, dir: dir };
  }
  heads.forEach(function (h, i) {
    h.querySelector("button").addEventListener("click", function () {
      sortBy(i, state.col === i ? -state.dir : 1);
    });
  });
  var box = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var reports = Array.prototype.slice.call(document.querySelectorAll("details.report"));
  function applyFilter(text) {
    var words = text.toLowerCase().split(/\\s+/).filter(function (w) { return w !== ""; });
    function keep(el) {
      var t = el.textContent.toLowerCase();
      return words.every(function (w) { return t.indexOf(w) >= 0; });
    }
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (r) { r.hidden = !keep(r); if (!r.hidden) n += 1; });
    reports.forEach(function (d) { d.hidden = !keep(d); });
    shown.textContent = "显示 " + n + " / " + body.rows.length + " 份";
  }
  box.addEventListener("input", function () { applyFilter(box.value); });
  function openAll(open) { reports.forEach(function (d) { d.open = open; }); }
  document.getElementById("open-all").addEventListener("click", function () { openAll(true); });
  document.getElementById("close-all").addEventListener("click", function () { openAll(false); });
  var before = [];
  window.addEventListener("beforeprint", function () {
    before = reports.map(function (d) { return d.open; });
    openAll(true);
  });
  window.addEventListener("afterprint", function () {
    reports.forEach(function (d, i) { d.open = before[i]; });
  });
  var hash = location.hash.replace(/^#/, "");
  if (/^(sort|filter)=/.test(hash)) {
    hash.split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      var key = part.slice(0, eq);
      var value = decodeURIComponent(part.slice(eq + 1));
      if (key === "filter") box.value = value;
      if (key === "sort") {
        var m = /^(.*?)(?:-(asc|desc))?$/.exec(value);
        var col = heads.findIndex(function (h) { return h.getAttribute("data-key") === m[1]; });
        // Through the header's own button, as a reader's click would sort: once, twice for the other way.
        var wanted = m[2] === "desc" ? -1 : 1;
        if (col >= 0) {
          var button = heads[col].querySelector("button");
          button.click();
          if (state.dir !== wanted) button.click();
        }
      }
    });
  }
  applyFilter(box.value);
  document.documentElement.setAttribute("data-ready", "1");
})();
`;
