import { describe, expect, it } from "vitest";
import type { ContentBlock } from "../../src/importing/files/document-content.ts";
import { OFFICE_ZIP_LIMITS } from "../../src/importing/files/file-limits.ts";
import { readDocument } from "../../src/importing/files/read-document.ts";
import { scanZip } from "../../src/importing/files/zip-reader.ts";
import { renderDocx } from "../../src/rendering/render-docx.ts";
import { SAMPLE_TITLE, SAMPLE_VIEW, SELF_EVALUATION_READ_BACK, sampleBlocks } from "./sample-draft.ts";

/** A 1×1 PNG (signature, IHDR, IDAT, IEND), standing in for the chart. */
const TINY_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);
const NOW = new Date("2022-03-01T08:00:00Z");

/** Every entry of the .docx (a zip), bytes by name. */
function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const scanned = scanZip(bytes, OFFICE_ZIP_LIMITS, () => true);
  if (!scanned.ok) throw new Error(scanned.failure.detail);
  return scanned.value;
}

function part(parts: Map<string, Uint8Array>, name: string): string {
  const data = parts.get(name);
  if (data === undefined) throw new Error(`missing ${name}`);
  return new TextDecoder().decode(data);
}

const texts = (xml: string): string =>
  [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

/** The styled paragraphs of the body (outside tables): [style, text]. */
function styledParagraphs(xml: string): [string, string][] {
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].flatMap((m) => {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1] ?? "")?.[1];
    return style === undefined ? [] : [[style, texts(m[1] ?? "")] as [string, string]];
  });
}

/** Per table, per row, per cell: [gridSpan, vMerge value or null, text]. */
function tableCells(xml: string): [number, string | null, string][][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? "").matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? "").matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => {
        const xmlCell = cell[1] ?? "";
        const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(xmlCell)?.[1] ?? "1");
        const merge = /<w:vMerge w:val="(\w+)"\/>/.exec(xmlCell)?.[1] ?? null;
        return [span, merge, texts(xmlCell)];
      }),
    ),
  );
}

describe("renderDocx writes the draft as a Word document", async () => {
  const bytes = await renderDocx(sampleBlocks(), SAMPLE_VIEW, { chartPng: TINY_PNG, now: NOW });
  const parts = unzip(bytes);
  const documentXml = part(parts, "word/document.xml");

  it("holds the parts of a .docx", () => {
    for (const name of ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/footer1.xml"]) {
      expect(parts.has(name), name).toBe(true);
    }
  });

  it("writes the headings in order with the title, 一级, 二级 and 三级 styles", () => {
    const headings = styledParagraphs(documentXml).filter(([style]) => /^(Title|Heading\d)$/.test(style));
    expect(headings).toEqual([
      ["Title", SAMPLE_TITLE],
      ["Heading1", "一、基本情况"],
      ["Heading2", "（一）部门年度履职目标及主要任务"],
      ["Heading1", "三、综合评价结论"],
      ["Heading3", "1.产出指标情况分析"],
    ]);
  });

  it("joins the lines of a paragraph and sets bold runs in bold", () => {
    expect(documentXml).toContain(
      '<w:t xml:space="preserve">郑州市金水区电子政务中心负责全区电子政务网络的建设、运行和维护，保障全区各单位政务网络安全稳定运行。2021年全年预算执行数</w:t>',
    );
    expect(documentXml).toContain(
      '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">545.06万元</w:t></w:r>',
    );
  });

  it("keeps a paragraph that leads into a table on the table's page, and no other", () => {
    const paragraphs = [
      ...documentXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "").matchAll(/<w:p>([\s\S]*?)<\/w:p>/g),
    ];
    const kept = paragraphs.filter((m) => /<w:pStyle w:val="Body"\/><w:keepNext\/>/.test(m[1] ?? ""));
    expect(kept.map((m) => texts(m[1] ?? "").slice(0, 8))).toEqual(["郑州市金水区电子", "经自评，本单位2"]);
  });

  it("prints each table's caption and note above it", () => {
    const captions = styledParagraphs(documentXml).filter(([style]) => style.startsWith("Table"));
    expect(captions).toEqual([
      ["TableCaption", "部门整体绩效自评表"],
      ["TableNote", "（2021年度）　单位：万元"],
      ["TableCaption", "各项指标得分情况表"],
      ["TableNote", "单位：分"],
    ]);
  });

  it("merges the 自评表's cells: restart then two continuations for rowSpan 3, gridSpan for colSpan", () => {
    const [selfEvaluation] = tableCells(documentXml);
    expect(selfEvaluation).toEqual([
      [
        [2, null, "部门（单位）名称"],
        [3, null, "郑州市金水区电子政务中心"],
      ],
      [
        [1, null, "一级指标"],
        [1, null, "二级指标"],
        [1, null, "三级指标"],
        [1, null, "分值"],
        [1, null, "得分"],
      ],
      [
        [1, "restart", "产出指标"],
        [1, null, "数量指标"],
        [1, null, "政务网络运维保障单位数"],
        [1, null, "10"],
        [1, null, "10"],
      ],
      [
        [1, "continue", ""],
        [1, null, "质量指标"],
        [1, null, "系统正常运行率"],
        [1, null, "10"],
        [1, null, "9"],
      ],
      [
        [1, "continue", ""],
        [1, null, "时效指标"],
        [1, null, "故障响应及时率"],
        [1, null, "10"],
        [1, null, "10"],
      ],
      [
        [3, null, "合计"],
        [1, null, "30"],
        [1, null, "29"],
      ],
    ]);
  });

  it("sizes the 自评表's columns from the view's relative widths over the 8845-twip text block", () => {
    expect(documentXml).toContain(
      '<w:tblGrid><w:gridCol w:w="1238"/><w:gridCol w:w="1238"/><w:gridCol w:w="3184"/><w:gridCol w:w="1592"/><w:gridCol w:w="1593"/></w:tblGrid>',
    );
  });

  it("uses an A4 page with the 37/35/28/26 mm margins of GB/T 9704", () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(documentXml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" /);
  });

  it("sets 仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for headings, and fallbacks in the font table", () => {
    const styles = part(parts, "word/styles.xml");
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toContain('<w:sz w:val="32"/>');
    const fonts = part(parts, "word/fontTable.xml");
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong,STFangsong"/>');
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei,STHeiti"/>');
  });

  it("numbers the pages in the footer as — 1 —", () => {
    const footer = part(parts, "word/footer1.xml");
    expect(footer).toContain(
      '<w:t xml:space="preserve">— </w:t><w:fldChar w:fldCharType="begin"/><w:instrText xml:space="preserve">PAGE</w:instrText>',
    );
    expect(footer).toContain('<w:fldChar w:fldCharType="end"/><w:t xml:space="preserve"> —</w:t>');
  });

  it("embeds the chart PNG as given", () => {
    const media = [...parts.keys()].filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    expect(Uint8Array.from(parts.get(media[0] ?? "") ?? [])).toEqual(TINY_PNG);
    expect(documentXml).toContain('descr="各一级指标的得分率条形图"');
  });

  it("writes the title, author and the given time into the document properties", () => {
    const core = part(parts, "docProps/core.xml");
    expect(core).toContain(`<dc:title>${SAMPLE_TITLE}</dc:title>`);
    expect(core).toContain("<dc:creator>ziping</dc:creator>");
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-03-01T08:00:00.000Z</dcterms:created>',
    );
  });

  it("reads back through the importer with the same tables and text (a round trip)", async () => {
    const read = await readDocument("自评报告.docx", bytes);
    if (!read.ok) throw new Error(read.error.message);
    const tables = read.value.blocks.filter(
      (b): b is Extract<ContentBlock, { type: "table" }> => b.type === "table",
    );
    expect(tables.map((t) => t.rows)).toEqual([
      SELF_EVALUATION_READ_BACK,
      [
        ["指标", "权重分值", "得分", "得分率"],
        ["产出指标", "30", "29", "96.67%"],
        ["合计", "30", "29", "96.67%"],
      ],
    ]);
    const paragraphs = read.value.blocks.flatMap((b) =>
      b.type === "paragraph" && b.text !== "" ? [b.text] : [],
    );
    expect(paragraphs).toEqual([
      SAMPLE_TITLE,
      "一、基本情况",
      "（一）部门年度履职目标及主要任务",
      "郑州市金水区电子政务中心负责全区电子政务网络的建设、运行和维护，保障全区各单位政务网络安全稳定运行。2021年全年预算执行数545.06万元，预算执行率97.09%。",
      "部门整体绩效自评表",
      "（2021年度）　单位：万元",
      "三、综合评价结论",
      "经自评，本单位2021年度部门整体支出绩效自评得分为96.67分，自评等级为优。",
      "各项指标得分情况表",
      "单位：分",
      "1.产出指标情况分析",
      "系统正常运行率未达到年初目标，扣1分。",
      "•\t个别时段网络设备故障，影响系统正常运行；",
      "•\t运维人员不足，故障排查时间较长。",
    ]);
  });
});

describe("renderDocx without a chart image", () => {
  it("prints the chart's figures as a table instead, and embeds no media", async () => {
    const parts = unzip(await renderDocx(sampleBlocks(), SAMPLE_VIEW, { now: NOW }));
    expect([...parts.keys()].filter((name) => name.startsWith("word/media/"))).toEqual([]);
    const tables = tableCells(part(parts, "word/document.xml"));
    expect(tables).toHaveLength(3);
    expect(tables[2]).toEqual([
      [
        [1, null, "指标"],
        [1, null, "得分率"],
      ],
      [
        [1, null, "产出指标"],
        [1, null, "96.67%"],
      ],
    ]);
  });
});

describe("renderDocx repeats column headers on each page", async () => {
  const self = SAMPLE_VIEW.tables.self_evaluation;
  const summary = SAMPLE_VIEW.tables.summary;
  if (self === undefined || summary === undefined) throw new Error("sample tables missing");
  const view = {
    ...SAMPLE_VIEW,
    tables: {
      ...SAMPLE_VIEW.tables,
      self_evaluation: { ...self, header: 1 },
      summary: { ...summary, header: 0 },
    },
  };
  const xml = part(
    unzip(await renderDocx(sampleBlocks(view), view, { chartPng: TINY_PNG, now: NOW })),
    "word/document.xml",
  );
  /** Per Word table, the indexes of its rows marked to repeat. */
  const repeated = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? "").matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].flatMap((row, i) =>
      (row[1] ?? "").includes("<w:tblHeader/>") ? [i] : [],
    ),
  );

  it("splits the 自评表 before its 一级指标 row, which heads the second table, and repeats the summary's first row", () => {
    expect(repeated).toEqual([[], [0], [0]]);
    expect(tableCells(xml)[1]?.[0]?.map((c) => c[2])).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "分值",
      "得分",
    ]);
  });
});
