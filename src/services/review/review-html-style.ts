/**
 * The review page's style sheet, inlined in the page: fonts already on the reader's machine only
 * (nothing is fetched), a sticky table header on screen, and a plain printed layout without the
 * controls, every report open and no finding split across pages.
 */
export const REVIEW_PAGE_STYLE = `
:root { --err: #b3261e; --warn: #a15c00; --info: #3a5a8c; --line: #d5dbe3; --att: #fdecea; --muted: #5f6b7a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.55 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1d232b; background: #f6f8fb; }
header.top { background: #1f3b5c; color: #fff; padding: 16px 24px 12px; }
header.top h1 { margin: 0 0 8px; font-size: 22px; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; font-size: 13px; }
dl.run dt { color: #c7d5e6; } dl.run dd { margin: 0; white-space: pre-line; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; padding: 12px 24px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; } .card.alert b { color: var(--err); }
nav.sections { padding: 0 24px 8px; } nav.sections a { margin-right: 16px; }
main { padding: 0 24px 40px; }
section.part { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; margin: 14px 0; }
section.part > h2 { margin: 0 0 8px; font-size: 18px; }
.tools { display: flex; gap: 10px; align-items: center; margin: 4px 0 10px; flex-wrap: wrap; }
.tools input { font: inherit; padding: 4px 8px; width: 320px; border: 1px solid #9aa8b8; border-radius: 4px; }
.tools button { font: inherit; padding: 3px 10px; }
.legend { color: var(--muted); font-size: 12px; }
table.grid { border-collapse: collapse; width: 100%; font-size: 13px; }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
table.grid th { background: #e8eef6; position: sticky; top: 0; z-index: 1; }
table.grid th button { all: unset; cursor: pointer; font-weight: 600; }
table.grid th[aria-sort="ascending"] button::after { content: " ▲"; }
table.grid th[aria-sort="descending"] button::after { content: " ▼"; }
table.overview { font-size: 12px; }
table.overview td[data-v] { text-align: right; white-space: nowrap; }
table.overview td.nowrap, table.overview th.nowrap { white-space: nowrap; }
table.overview td.mid { min-width: 8em; max-width: 14em; overflow-wrap: anywhere; }
table.overview td.wide { min-width: 12em; }
ul.notes { margin: 0; padding-left: 14px; font-size: 12px; }
table.overview tr.attention td { background: var(--att); }
table.overview tr.tier-0 td { background: #f9d0cc; }
table.overview tr.tier-3 td { color: var(--muted); }
td.num { text-align: right; }
ul.files { margin: 0; padding-left: 0; list-style: none; font-size: 12px; }
table.rules td:last-child { min-width: 16em; }
.nowrap { white-space: nowrap; }
.tag { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 3px; border: 1px solid; white-space: nowrap; }
.tag.ocr { color: #6a3d9a; border-color: #6a3d9a; } .tag.bad { color: var(--err); border-color: var(--err); }
.tag.dup, .tag.skip { color: var(--muted); border-color: var(--muted); }
details.report { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; background: #fff; }
details.report > summary { cursor: pointer; padding: 6px 10px; background: #f0f4f9; }
details.report .rank { display: inline-block; min-width: 26px; font-weight: 700; }
details.report .tier { color: var(--muted); } details.report .file { color: var(--muted); font-size: 12px; }
.counts { float: right; font-size: 12px; } .n-error { color: var(--err); } .n-warn { color: var(--warn); } .n-info { color: var(--info); }
details.report .body { padding: 4px 14px 8px; }
ul.facts { margin: 4px 0; padding-left: 18px; color: #33404f; }
.ocr-note { color: #6a3d9a; }
ol.findings { padding-left: 22px; margin: 6px 0; }
li.finding { margin: 6px 0; padding: 4px 8px; border-left: 4px solid var(--line); }
li.finding .sev, tr.rule .sev { font-weight: 700; }
li.sev-error { border-color: var(--err); } li.sev-error .sev, tr.sev-error .sev { color: #fff; background: var(--err); padding: 0 6px; border-radius: 3px; }
li.sev-warn { border-color: var(--warn); } li.sev-warn .sev, tr.sev-warn .sev { color: var(--warn); }
li.sev-info { border-color: var(--info); } li.sev-info .sev, tr.sev-info .sev { color: var(--info); }
li.finding .loc { color: var(--muted); }
li.finding p { margin: 2px 0; }
blockquote.quote { margin: 4px 0; padding: 4px 10px; background: #f7f3e8; border-left: 3px solid #d9c38f; white-space: pre-wrap; }
.values { color: #33404f; font-size: 13px; }
.back { margin: 4px 0 0; font-size: 12px; }
section.pair { margin: 10px 0; } section.pair h3 { margin: 6px 0; font-size: 15px; }
.passage { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 6px 10px; }
.passage .length { color: var(--muted); font-size: 12px; }
.passage .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.passage .where { color: var(--muted); font-size: 12px; word-break: break-all; }
.passage-text { white-space: pre-wrap; margin: 4px 0; }
mark { background: #ffe08a; }
ul.problems { padding-left: 18px; } p.none { color: var(--muted); }
[hidden] { display: none !important; }
@media print {
  body { background: #fff; font-size: 10pt; }
  header.top { background: #fff; color: #000; border-bottom: 2px solid #000; padding: 0 0 6px; }
  dl.run dt { color: #444; }
  nav.sections, .tools input, .tools button, .back { display: none; }
  section.part { border: 0; padding: 0; }
  table.grid th { position: static; }
  thead { display: table-header-group; }
  tr, li.finding, .passage { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  details.report > summary { list-style: none; }
  mark { background: none; text-decoration: underline; font-weight: 700; }
}
`;
