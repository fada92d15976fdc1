import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, logInAs, startTestApp, type TestApp } from '../support/harness.ts';

/**
 * The October 2015 progress report, issued as a unit would issue it, checked figure by figure
 * against the paragraph of the Joint Conference paper (October 2015) each comes from: the row's
 * label must name what the paragraph counts, and the figure must read as the paragraph writes
 * it, in English, Traditional and Simplified Chinese.
 */
type Expected = { paragraph: number; source: string; label: Record<Lang, string>; figure: Record<Lang, string> };
type Lang = 'en' | 'zh-Hant' | 'zh-Hans';
const langs: Lang[] = ['en', 'zh-Hant', 'zh-Hans'];

/** Each figure with the paper's own words (English original) it must agree with. */
const expected: Expected[] = [
  { paragraph: 2, source: 'The two sides also signed five co-operation agreements after the meeting', label: { en: 'Co-operation agreements signed after the 18th Plenary', 'zh-Hant': '第十八次會議後簽署的合作協議', 'zh-Hans': '第十八次会议后签署的合作协议' }, figure: { en: '5 agreements', 'zh-Hant': '5份協議', 'zh-Hans': '5份协议' } },
  { paragraph: 5, source: 'a total of seven law firms operating in the form of partnership association had been given approval', label: { en: 'Law firms in partnership association approved in the pilot areas', 'zh-Hant': '獲批合夥聯營律師事務所總數', 'zh-Hans': '获批合伙联营律师事务所总数' }, figure: { en: '7 law firms', 'zh-Hant': '7家律師事務所', 'zh-Hans': '7家律师事务所' } },
  { paragraph: 5, source: 'with five in Qianhai', label: { en: 'in Qianhai', 'zh-Hant': '（前海）', 'zh-Hans': '（前海）' }, figure: { en: '5 law firms', 'zh-Hant': '5家律師事務所', 'zh-Hans': '5家律师事务所' } },
  { paragraph: 5, source: 'one in Nansha', label: { en: 'in Nansha', 'zh-Hant': '（南沙）', 'zh-Hans': '（南沙）' }, figure: { en: '1 law firm', 'zh-Hant': '1家律師事務所', 'zh-Hans': '1家律师事务所' } },
  { paragraph: 5, source: 'one in Hengqin', label: { en: 'in Hengqin', 'zh-Hant': '（橫琴）', 'zh-Hans': '（横琴）' }, figure: { en: '1 law firm', 'zh-Hant': '1家律師事務所', 'zh-Hans': '1家律师事务所' } },
  { paragraph: 6, source: 'In 2014, 12 projects have been funded jointly by Hong Kong and Guangdong', label: { en: 'Projects funded jointly', 'zh-Hant': '共同資助項目', 'zh-Hans': '共同资助项目' }, figure: { en: '12 projects', 'zh-Hant': '12個項目', 'zh-Hans': '12个项目' } },
  { paragraph: 6, source: 'a total of $25 million funded by the HKSAR Government', label: { en: 'HKSAR Government funding', 'zh-Hant': '香港特區政府', 'zh-Hans': '香港特区政府' }, figure: { en: 'HK$25 million', 'zh-Hant': '2,500萬港元', 'zh-Hans': '2,500万港元' } },
  { paragraph: 8, source: 'for five years to 2020 with a provision of $150 million', label: { en: 'Provision for the extended Cleaner Production Partnership Programme', 'zh-Hant': '延續期撥款', 'zh-Hans': '延续期拨款' }, figure: { en: 'HK$150 million', 'zh-Hant': '1.5億港元', 'zh-Hans': '1.5亿港元' } },
  { paragraph: 8, source: 'over 2 400 funding projects have been approved', label: { en: 'Funding projects approved', 'zh-Hant': '獲批資助項目', 'zh-Hans': '获批资助项目' }, figure: { en: 'over 2,400 projects', 'zh-Hant': '超過 2,400個項目', 'zh-Hans': '超过 2,400个项目' } },
  { paragraph: 8, source: 'some 390 awareness and technology promotion activities were organised', label: { en: 'Awareness and technology promotion activities', 'zh-Hant': '宣傳及技術推廣活動', 'zh-Hans': '宣传和技术推广活动' }, figure: { en: 'about 390 activities', 'zh-Hant': '約 390項活動', 'zh-Hans': '约 390项活动' } },
  { paragraph: 10, source: 'Over 530 young people have taken up internships in Guangdong', label: { en: 'Young people taking up internships in Guangdong', 'zh-Hant': '實習青年人數', 'zh-Hans': '实习青年人数' }, figure: { en: 'over 530 young people', 'zh-Hant': '超過 530名青年', 'zh-Hans': '超过 530名青年' } },
  { paragraph: 10, source: 'about 100 youths have participated in the first five phases of the programme', label: { en: 'first five phases of the Service Corps', 'zh-Hant': '首五期', 'zh-Hans': '前五期' }, figure: { en: 'about 100 young people', 'zh-Hant': '約 100名青年', 'zh-Hans': '约 100名青年' } },
  { paragraph: 10, source: 'over 350 tertiary students from Hong Kong and Guangdong took part in a seven-day voluntary service programme', label: { en: 'Tertiary students in the seven-day', 'zh-Hant': '大專學生', 'zh-Hans': '高校学生' }, figure: { en: 'over 350 students', 'zh-Hant': '超過 350名學生', 'zh-Hans': '超过 350名学生' } },
  { paragraph: 12, source: 'attracted a total of 123 youths from the three places', label: { en: 'Youths taking part in the 7th', 'zh-Hant': '青年文化之旅參加青年', 'zh-Hans': '青年文化之旅参加青年' }, figure: { en: '123 young people', 'zh-Hant': '123名青年', 'zh-Hans': '123名青年' } },
  { paragraph: 13, source: 'a total of 155 Guangdong teachers', label: { en: 'Guangdong teachers who have taken part', 'zh-Hant': '廣東教師', 'zh-Hans': '广东教师' }, figure: { en: '155 teachers', 'zh-Hant': '155名教師', 'zh-Hans': '155名教师' } },
  { paragraph: 13, source: 'some 80 Hong Kong English teachers', label: { en: 'Hong Kong English teachers', 'zh-Hant': '香港英文教師', 'zh-Hans': '香港英语教师' }, figure: { en: 'about 80 teachers', 'zh-Hant': '約 80名教師', 'zh-Hans': '约 80名教师' } },
  // ¶13 counts people who went, not subsidised places (those are the 2015/16 target, not yet measured).
  { paragraph: 13, source: 'over 40 000 Hong Kong teachers and students visited Guangdong', label: { en: 'Hong Kong teachers and students who visited Guangdong', 'zh-Hant': '到訪廣東的香港師生', 'zh-Hans': '到访广东的香港师生' }, figure: { en: 'over 40,000 teachers and students', 'zh-Hant': '超過 40,000名師生', 'zh-Hans': '超过 40,000名师生' } },
  { paragraph: 14, source: '291 pairs of Guangdong-Hong Kong sister schools were formed', label: { en: 'Pairs of Guangdong-Hong Kong sister schools', 'zh-Hant': '粵港姊妹學校對數', 'zh-Hans': '粤港姊妹学校对数' }, figure: { en: '291 pairs', 'zh-Hant': '291對', 'zh-Hans': '291对' } },
  { paragraph: 14, source: 'an annual grant of $120,000', label: { en: 'Annual grant per school', 'zh-Hant': '每校每年津貼額', 'zh-Hans': '每校每年资助额' }, figure: { en: 'HK$120,000', 'zh-Hant': '12萬港元', 'zh-Hans': '12万港元' } },
];

const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');

/** The figures table's rows: label, figure and the paragraph it cites. */
function rows(html: string) {
  return [...html.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td>.*?<\/td><td>(.*?)<\/td><\/tr>/g)].map((m) => ({ label: decode(m[1]), figure: decode(m[2]), paragraph: Number(decode(m[3]).match(/\d+/)?.[0]) }));
}

describe('the issued October 2015 progress report', () => {
  let t: TestApp;
  const html: Partial<Record<Lang, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-cmab', roles: ['officer'] })).username);
    const approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-cmab', roles: ['approver'] })).username);
    const areas = (await t.app.inject({ url: '/api/v1/progress/areas', headers: { cookie: officer } })).json().map((a: { code: string }) => a.code);
    const drafted = await t.app.inject({ method: 'POST', url: '/api/v1/progress/reports', headers: { cookie: officer }, payload: { areaCodes: areas, asOf: '2015-10-31' } });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const issued = await t.app.inject({ method: 'POST', url: `/api/v1/progress/reports/${drafted.json().id}/issue`, headers: { cookie: approver } });
    expect(issued.json().status).toBe('issued');
    // Issued reports are public: read them as anyone would.
    for (const lang of langs) html[lang] = (await t.app.inject({ url: `/api/v1/progress/reports/${drafted.json().id}/html?lang=${lang}` })).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(langs)('prints each figure as its paragraph says it, under a label naming what the paragraph counts (%s)', (lang) => {
    const printed = rows(html[lang]!).filter((r) => !/not yet measured|尚未/.test(r.figure));
    const problems: string[] = [];
    for (const e of expected) {
      const row = printed.find((r) => r.paragraph === e.paragraph && r.label.includes(e.label[lang]));
      if (!row) problems.push(`¶${e.paragraph} "${e.source}": no row labelled …${e.label[lang]}…`);
      else if (!row.figure.startsWith(`${e.figure[lang]} (`)) problems.push(`¶${e.paragraph} "${e.source}": printed "${row.figure}", the paragraph says ${e.figure[lang]}`);
    }
    expect(problems).toEqual([]);
    // Every figure printed is one of these: a new figure gets checked against its paragraph too.
    expect(printed).toHaveLength(expected.length);
  });

  it('says "1 law firm" and "7 law firms": the unit agrees with the number', () => {
    expect(html.en).toContain('1 law firm (');
    expect(html.en).not.toContain('1 law firms');
    expect(html.en).toContain('7 law firms');
  });

  it('prints no heading with nothing under it, and each target once', () => {
    for (const lang of langs) {
      const sections = html[lang]!.split('<section>').slice(1);
      for (const section of sections) expect(section, `${lang}: a heading followed by another heading`).not.toMatch(/<\/h3>\s*(<h3>|<table|<figure|<\/section>)/);
      const next = (html[lang]!.match(/<h3>(The way forward|未來路向|未来方向)<\/h3>([\s\S]*?)(<table|<\/section>)/g) ?? []).join('');
      const sixty = { en: 'at least 60 more pairs of Guangdong-Hong Kong sister schools will be formed', 'zh-Hant': '再締結至少60對粵港姊妹學校——', 'zh-Hans': '再缔结至少60对粤港姊妹学校——' }[lang];
      expect(next.split(sixty).length - 1, `${lang}: the sister-school target in "The way forward"`).toBe(1);
    }
    // Innovation and technology and Cultural exchange have no way forward in the paper: no empty heading.
    expect(html.en).toMatch(/4\. Innovation and technology<\/h2>\s*<h3>Progress<\/h3>[\s\S]*?<table/);
    expect(html.en!.match(/<h2>4\. [\s\S]*?<\/section>/)![0]).not.toContain('The way forward');
    expect(html.en!.match(/<h2>7\. [\s\S]*?<\/section>/)![0]).not.toContain('The way forward');
  });
});
