/**
 * A message that is not an answer to a free-text question (问题和改进措施, 年度目标 …): a question put
 * to the bot ("能按我们的算吗？"), a word about the scoring scheme ("评分办法就用全国默认的吧"), or text
 * that says nothing ("啊啊啊 asdf 随便"). Such a message is answered or asked about again, never saved.
 */
export type NotAnAnswer =
  | { kind: "scheme"; words: string }
  | { kind: "question"; reply: string }
  | { kind: "empty"; reply: string };

const QUESTION_END = /(?:[?？]|吗|么|呢)\s*$/u;
const QUESTION_START =
  /^(?:能不能|能否|可不可以|可以不|怎么|怎样|如何|为什么|为啥|是否|要不要|哪个|哪些|什么)/u;
/** A short message asking how: "这个怎么填", "什么意思". */
const ASKING_HOW = /怎么(?:填|写|办|算|弄)|如何(?:填|写)|什么意思|不会填/u;
const SCHEME = /评分办法|评分方案|计分办法|按本表结构|全国默认/u;
/** Words that carry no content: interjections, "随便", "不知道", latin keyboard noise. */
const FILLER = /啊|呀|哦|噢|嗯|呃|哈|嘿|随便|不知道|不清楚|没想好|再说|[a-zA-Z]+|[\s\p{P}\p{S}\d]/gu;

/** What the message is instead of an answer to `field`, or undefined when it may be one. */
export function notAnAnswer(text: string, field: string): NotAnAnswer | undefined {
  const t = text.trim();
  if (t.length <= 40 && SCHEME.test(t)) return { kind: "scheme", words: t };
  if (
    t.length <= 80 &&
    (QUESTION_END.test(t) || QUESTION_START.test(t) || (t.length <= 30 && ASKING_HOW.test(t)))
  )
    return {
      kind: "question",
      reply: `“${t}”像是一个问题，没有作为“${field}”保存。可以问：现在多少分、为什么是96分不是100分、还差什么、帮助；要换评分办法，可以说“把评分办法改成按本表结构”。请再写一下“${field}”的内容。`,
    };
  // Noise, not a terse answer: "无" stays an answer (the narrative review pushes back on it).
  const meaningful = t.replace(FILLER, "");
  if (meaningful.length < 2 && t.length - meaningful.length >= 2)
    return {
      kind: "empty",
      reply: `“${t}”没有说明“${field}”，没有保存。请写明本单位的实际情况；暂时没有可以说“跳过”。`,
    };
  return undefined;
}
