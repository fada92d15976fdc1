import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Clause, parseChineseNumeral, parseClauses } from './clauses.ts';

const agreementsDir = new URL('../../../data/reference/agreements/', import.meta.url);
const CODES = ['food-safety', 'sister-schools', 'ip-protection', 'sar-plans', 'cross-border-ecommerce'] as const;

function parse(code: string, script: 'zh-Hant' | 'zh-Hans' = 'zh-Hant') {
  return parseClauses(readFileSync(new URL(`${code}.${script}.txt`, agreementsDir), 'utf8'));
}

function byKey(clauses: Clause[], key: string): Clause {
  const clause = clauses.find((c) => c.key === key);
  if (!clause) throw new Error(`no clause ${key}`);
  return clause;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('parseChineseNumeral', () => {
  it('reads the numerals that number clauses and items', () => {
    expect(parseChineseNumeral('一')).toBe(1);
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('十一')).toBe(11);
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('二十一')).toBe(21);
    expect(parseChineseNumeral('三十九')).toBe(39);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('兩')).toBe(2);
  });

  it('reads digit-by-digit years and Arabic digits', () => {
    expect(parseChineseNumeral('二〇一五')).toBe(2015);
    expect(parseChineseNumeral('二零一五')).toBe(2015);
    expect(parseChineseNumeral('12')).toBe(12);
  });

  it('rejects what is not a numeral', () => {
    expect(parseChineseNumeral('')).toBeNaN();
    expect(parseChineseNumeral('甲')).toBeNaN();
    expect(parseChineseNumeral('十十')).toBeNaN();
    expect(parseChineseNumeral('二三十')).toBeNaN();
  });
});

describe('parseClauses on the food safety agreement', () => {
  const { preamble, clauses, closing } = parse('food-safety');

  it('finds clauses 一 to 十一, all at the top level', () => {
    expect(clauses.map((c) => c.key)).toEqual(range(1, 11));
    expect(clauses.every((c) => c.level === 1 && c.parentKey === null)).toBe(true);
    expect(byKey(clauses, '11').label).toBe('十一、');
  });

  it('gives clause 1 as readable paragraphs: what a notification must contain, no line wraps inside a sentence', () => {
    const text = byKey(clauses, '1').text;
    expect(text).toContain('範圍');
    expect(text).toContain('防控措施');
    expect(text).toContain('通報內容應包括有關事件涉及的範圍、採取的防控措施、需要注意的事項等。');
    // The sentence the 附錄 / Annex page marker interrupts reads on.
    expect(text).toContain('由香港特區政府相關部門與內地有關部門按現行有關做法進行溝通。');
    for (const paragraph of text.split('\n')) expect(paragraph).toMatch(/[。；：]$/);
    expect(text.split('\n')).toHaveLength(5);
  });

  it('keeps the recitals in the preamble and the signature block in the closing', () => {
    expect(preamble.startsWith('粵港食品安全工作交流與合作協議')).toBe(true);
    expect(preamble).toContain('特製訂本協議。');
    expect(byKey(clauses, '11').text).toBe('雙方代表簽字：');
    expect(closing).toContain('廣東省食品安全委員會辦公室');
    expect(closing).toContain('食物及衞生局常任秘書長');
  });
});

describe('parseClauses on the IP protection agreement', () => {
  const { clauses, closing } = parse('ip-protection');
  const sections = clauses.filter((c) => c.level === 1);
  const items = clauses.filter((c) => c.level === 2);

  it('has six titled sections', () => {
    expect(sections.map((c) => c.key)).toEqual(range(1, 6));
    expect(byKey(clauses, '1').heading).toBe('完善粵港知識產權合作機制');
    expect(byKey(clauses, '1').text).toBe('');
  });

  it('numbers its 21 items straight through the sections, each keyed by its own number', () => {
    expect(items).toHaveLength(21);
    expect(items.map((c) => c.key)).toEqual([
      '1.1',
      '2.2', '2.3', '2.4',
      '3.5', '3.6',
      '4.7', '4.8', '4.9', '4.10', '4.11',
      '5.12', '5.13', '5.14', '5.15', '5.16',
      '6.17', '6.18', '6.19', '6.20', '6.21',
    ]);
    expect(byKey(clauses, '2.3')).toMatchObject({ label: '（三）', parentKey: '2', level: 2 });
    // Printed with half-width brackets: (十一)
    expect(byKey(clauses, '4.11').label).toBe('（十一）');
  });

  it('separates an item title from its body, also when the title wraps', () => {
    const enforcement = byKey(clauses, '2.2');
    expect(enforcement.heading).toBe('完善粵港知識產權執法及案件協作處理機制');
    expect(enforcement.text.startsWith('在粵港知識產權執法和案件協作處理機制下')).toBe(true);
    expect(byKey(clauses, '2.4').heading).toBe('建立粵港海關與兩地快件監管部門和行業的聯動機制');
    expect(byKey(clauses, '6.21').heading).toBe('持續更新“粵港澳知識產權資料庫”與“粵港知識產權合作專欄”');
    expect(byKey(clauses, '6.21').text).toContain('便利三地公眾和企業查詢。');
  });

  it('puts the unnumbered copies sentence and the signature block in the closing', () => {
    expect(closing.startsWith('本合作協議一式四份')).toBe(true);
    expect(closing).toContain('香港特別行政區代表');
    expect(byKey(clauses, '6.21').text).not.toContain('一式四份');
  });
});

describe('parseClauses on the cross-border e-commerce agreement', () => {
  const { preamble, clauses, closing } = parse('cross-border-ecommerce');

  it('restarts item numbers at （一） in each section', () => {
    expect(clauses.filter((c) => c.level === 1).map((c) => c.key)).toEqual(range(1, 5));
    expect(clauses.filter((c) => c.parentKey === '2').map((c) => c.key)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6']);
    expect(clauses.filter((c) => c.parentKey === '5').map((c) => c.key)).toEqual(['5.1', '5.2', '5.3']);
  });

  it('names the liaison units in item 4.2', () => {
    const liaison = byKey(clauses, '4.2');
    expect(liaison.text).toContain('電子商務與商貿物流處');
    expect(liaison.text).toContain('政府資訊科技總監辦公室');
  });

  it('reads section titles, with or without a body of their own', () => {
    expect(byKey(clauses, '1').heading).toBe('合作原則');
    expect(byKey(clauses, '3')).toMatchObject({ heading: '合作方式' });
    expect(byKey(clauses, '3').text.startsWith('甲乙雙方根據本協議的有關精神')).toBe(true);
    // An item that opens with a short phrase and a full stop has no title of its own.
    expect(byKey(clauses, '1.1').heading).toBeNull();
  });

  it('drops the page number that falls inside item 4.1', () => {
    expect(byKey(clauses, '4.1').text).toContain('落實專項工作會議就合作事宜做出的各項决定。');
  });

  it('keeps the party line and title in the preamble and the signatures in the closing', () => {
    expect(preamble).toContain('加强跨境貿易電子商務合作協議');
    expect(byKey(clauses, '5.3').text).toContain('協議有效期三年。');
    expect(closing).toContain('楊德斌');
    expect(closing).toContain('日期：二零一五年九月九日');
  });
});

describe('parseClauses on the SAR co-operation plans arrangement', () => {
  const { clauses, closing } = parse('sar-plans');

  it('has clauses 1 to 3', () => {
    expect(clauses.map((c) => c.key)).toEqual(['1', '2', '3']);
    expect(byKey(clauses, '3').text).toBe('本安排一式三份，用中文寫成，自簽署之日起生效。');
  });

  it('keeps all signature blocks, the blank Macao one included, in the closing', () => {
    expect(closing).toContain('授權代表：署理海事處處長童漢明');
    expect(closing).toContain('澳門海事及水務局');
  });
});

describe('parseClauses on the sister schools agreement', () => {
  const { clauses, closing } = parse('sister-schools');

  it('has clauses 1 to 5', () => {
    expect(clauses.map((c) => c.key)).toEqual(range(1, 5));
    expect(byKey(clauses, '2').text).toContain('再增加至少 60 對姊妹學校');
  });

  it('puts the unnumbered copies sentence in the closing, not in clause 5', () => {
    expect(closing).toContain('一式四份');
    expect(byKey(clauses, '5').text).not.toContain('一式四份');
    expect(closing).toContain('魏中林副廳長');
  });
});

describe('parseClauses on every seed agreement', () => {
  it.each(CODES)('%s: no page artefacts in the clause texts', (code) => {
    for (const clause of parse(code).clauses) {
      for (const line of clause.text.split('\n')) {
        expect(line).not.toMatch(/^\s*\d+\s*$/);
        expect(line).not.toMatch(/Annex|附錄/);
        expect(line).toBe(line.trim());
      }
      expect(clause.text).not.toMatch(/\n\n/);
    }
  });

  it.each(CODES)('%s: the Simplified text splits into the same clauses', (code) => {
    const hant = parse(code, 'zh-Hant');
    const hans = parse(code, 'zh-Hans');
    expect(hans.clauses.map((c) => [c.key, c.label, c.heading === null])).toEqual(
      hant.clauses.map((c) => [c.key, c.label, c.heading === null]),
    );
  });
});

describe('parseClauses on made-up texts', () => {
  it('takes a numeral for a clause only at the start of a line and in sequence', () => {
    const text = ['協議', '一、雙方同意按本協議第一項、第二項辦理，其中第', '三、四項由甲方負責。', '二、本協議自簽署之日起生效。'].join('\n');
    const { clauses } = parseClauses(text);
    expect(clauses.map((c) => c.key)).toEqual(['1', '2']);
    expect(clauses[0].text).toBe('雙方同意按本協議第一項、第二項辦理，其中第三、四項由甲方負責。');
  });

  it('reads numbers beyond twenty', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二'];
    const text = numerals.map((n) => `${n}、第${n}條。`).join('\n');
    expect(parseClauses(text).clauses.map((c) => c.key)).toEqual(range(1, 22));
  });

  it('returns the whole text as preamble when nothing is numbered', () => {
    expect(parseClauses('只有一段文字。\n')).toEqual({ preamble: '只有一段文字。', clauses: [], closing: '' });
  });
});
