import { Feed } from 'feed';
import type { Context } from '../platform/context.ts';
import { latestUpdates } from './queries.ts';
import { bothScripts, presentUpdate } from './present.ts';

type Language = 'en' | 'zh-Hant' | 'zh-Hans';
const feedTitle: Record<Language, string> = {
  en: 'Guangdong–Hong Kong–Macao IP database: latest updates',
  'zh-Hant': '粵港澳知識產權資料庫：最新動態',
  'zh-Hans': '粤港澳知识产权资料库：最新动态',
};

/**
 * The latest updates as an Atom 1.0 feed (item 21: 及時提供…政策法規的最新動態), written by the
 * `feed` library, not by hand. Only published updates exist in ip_updates, so drafts cannot appear.
 */
export async function updatesFeed(ctx: Context, options: { language: Language }) {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const rows = await latestUpdates(ctx.db, { limit: 50, offset: 0 });
  const items = rows.map((r) => presentUpdate(r.update, r.instrumentCode));
  const lang = options.language;
  const feed = new Feed({
    id: `${base}/ip/updates`,
    title: feedTitle[lang],
    link: `${base}/ip/updates`,
    language: lang,
    updated: items.length ? new Date(Math.max(...items.map((i) => Date.parse(i.publishedAt)))) : new Date(0),
    feedLinks: { atom: `${base}/api/v1/ip/updates.atom?lang=${lang}` },
    copyright: '',
    generator: 'Liaison',
  });
  for (const item of items) {
    const summary = lang === 'en' ? item.summary.en : item.summary.zh && bothScripts(item.summary.zh, item.jurisdiction)[lang];
    feed.addItem({
      id: `${base}/ip/updates#${item.id}`,
      title: item.title[lang],
      link: item.instrumentCode ? `${base}/ip/instruments/${item.instrumentCode}` : (item.sourceUrl ?? `${base}/ip/updates`),
      date: new Date(`${item.on}T00:00:00+08:00`),
      published: new Date(item.publishedAt),
      description: summary ?? undefined,
    });
  }
  return feed.atom1();
}
