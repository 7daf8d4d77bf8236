import { describe, expect, it } from "vitest";
import { contentRows, contentText } from "../../../src/importing/files/document-content.ts";
import { docxBlocks } from "../../../src/importing/files/docx-content.ts";
import { readDocument } from "../../../src/importing/files/read-document.ts";
import { readTablesFromRows } from "../../../src/importing/tables/pasted-tables.ts";
import { docxWithBody } from "./zip-writer.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string, before = "") => `<w:document ${W}>${before}<w:body>${body}</w:body></w:document>`;
const p = (...runs: string[]) =>
  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join("")}</w:p>`;
const r = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (props: string, ...paragraphs: string[]) =>
  `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${paragraphs.join("") || p()}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid/>${rows.join("")}</w:tbl>`;

describe("docxBlocks on hand-written document.xml", () => {
  it("reads paragraphs: runs, tabs, breaks and entities; skips field codes, deleted text and properties", () => {
    const xml = doc(
      p(r("填表人："), "<w:r><w:tab/></w:r>", r("刘媛媛")) +
        p(r("第一行"), "<w:r><w:br/></w:r>", r("第二行 &lt;含&gt; &amp; &#x4E07;&#20803;")) +
        p(
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>',
          r("3"),
          "<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>",
          "<w:ins><w:r><w:t>新增的</w:t></w:r></w:ins>",
        ) +
        '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>',
      "<w:background><w:t>not body</w:t></w:background>",
    );
    expect(docxBlocks(xml)).toEqual([
      { type: "paragraph", text: "填表人：\t刘媛媛" },
      { type: "paragraph", text: "第一行\n第二行 <含> & 万元" },
      { type: "paragraph", text: "3新增的" },
    ]);
  });

  it("keeps columns through gridSpan (text, then blanks) and vMerge (continue cells blank)", () => {
    const xml = doc(
      tbl(
        tr(
          tc("", p(r("一级指标"))),
          tc("", p(r("二级指标"))),
          tc('<w:gridSpan w:val="2"/>', p(r("三级指标"))),
        ),
        tr(
          tc('<w:vMerge w:val="restart"/>', p(r("产出指标"))),
          tc("", p(r("数量"))),
          tc("", p(r("a"))),
          tc("", p(r("1"))),
        ),
        tr(tc("<w:vMerge/>"), tc("", p(r("质量"))), tc("", p(r("b"))), tc("", p(r("2")))),
        tr(tc('<w:vMerge w:val="continue"/>'), tc('<w:gridSpan w:val="3"/>', p(r("合并三格")))),
        `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc("", p(r("c")))}${tc("", p(r("3")))}</w:tr>`,
      ),
    );
    expect(docxBlocks(xml)).toEqual([
      {
        type: "table",
        rows: [
          ["一级指标", "二级指标", "三级指标", ""],
          ["产出指标", "数量", "a", "1"],
          ["", "质量", "b", "2"],
          ["", "合并三格", "", ""],
          ["", "", "c", "3"],
        ],
      },
    ]);
  });

  it("joins a cell's paragraphs with a line break and flattens a nested table into the cell", () => {
    const nested = tbl(tr(tc("", p(r("甲"))), tc("", p(r("乙")))), tr(tc("", p(r("丙"))), tc("")));
    const xml = doc(
      p(r("前")) + tbl(tr(tc("", p(r("第一段")), p(r("第二段"))), tc("", p(r("外")), nested))) + p(r("后")),
    );
    expect(docxBlocks(xml)).toEqual([
      { type: "paragraph", text: "前" },
      { type: "table", rows: [["第一段\n第二段", "外\n甲 乙\n丙"]] },
      { type: "paragraph", text: "后" },
    ]);
  });

  it("reads a text box once (its Fallback copy skipped), as part of its paragraph", () => {
    const box = (text: string) => `<w:txbxContent>${p(r(text))}</w:txbxContent>`;
    const xml = doc(
      p(
        r("正文"),
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box("框内")}</w:drawing></mc:Choice>`,
        `<mc:Fallback><w:pict>${box("框内")}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    );
    expect(docxBlocks(xml)).toEqual([{ type: "paragraph", text: "正文\n框内" }]);
  });

  it("keeps a table inside a text box inside a table cell as text of that cell", () => {
    const boxTable = `<w:txbxContent>${tbl(tr(tc("", p(r("框表")))))}</w:txbxContent>`;
    const xml = doc(
      tbl(tr(tc("", p(r("格"), `<w:r><w:drawing>${boxTable}</w:drawing></w:r>`)), tc("", p(r("右"))))),
    );
    expect(docxBlocks(xml)).toEqual([{ type: "table", rows: [["格\n框表", "右"]] }]);
  });

  it("gives rows on the lines of contentText, blank paragraphs counted but not read, tables set off by blank lines", async () => {
    const xml = tbl(
      tr(tc("", p(r("指标"))), tc("", p(r("权重分值")))),
      tr(tc("", p(r("多行\t说明")), p(r("第二行"))), tc("", p(r("10")))),
    );
    const read = await readDocument("a.docx", docxWithBody(p(r("标题")) + p() + xml + p(r("注：无"))));
    if (!read.ok) throw new Error(read.error.message);
    expect(contentText(read.value)).toBe('标题\n\n\n指标\t权重分值\n"多行\t说明\n第二行"\t10\n\n注：无');
    expect(contentRows(read.value)).toEqual([
      { line: 1, lastLine: 1, cells: ["标题"], plain: true },
      { line: 4, lastLine: 4, cells: ["指标", "权重分值"], plain: false },
      { line: 5, lastLine: 6, cells: ["多行\t说明\n第二行", "10"], plain: false },
      { line: 8, lastLine: 8, cells: ["注：无"], plain: true },
    ]);
  });

  it("reads a table whose merged 一级指标 cells are blank continue cells as one block per 一级指标", async () => {
    const row = (a: string, b: string, c: string, weight: string, score: string) =>
      tr(
        tc(a === "" ? "<w:vMerge/>" : '<w:vMerge w:val="restart"/>', p(r(a))),
        tc(b === "" ? "<w:vMerge/>" : '<w:vMerge w:val="restart"/>', p(r(b))),
        ...[c, "≥", "95%", "98%", weight, score].map((t) => tc("", p(r(t)))),
      );
    const header = tr(
      ...["一级指标", "二级指标", "三级指标", "指标值", "度量单位", "实际完成值", "分值", "得分"].map((t) =>
        tc("", p(r(t))),
      ),
    );
    const body = tbl(
      header,
      row("产出指标", "数量指标", "完成率", "5", "5"),
      row("", "", "覆盖率", "5", "4"),
    );
    const read = await readDocument("a.docx", docxWithBody(body));
    if (!read.ok) throw new Error(read.error.message);
    const { fragment, unread } = readTablesFromRows(contentRows(read.value));
    expect(unread).toEqual([]);
    expect(
      fragment.indicators?.map((b) => [b.name, b.groups?.map((g) => [g.name, g.indicators?.length])]),
    ).toEqual([["产出指标", [["数量指标", 2]]]]);
  });
});
