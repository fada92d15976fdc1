import type { z } from 'zod';
import type { Context, Viewer } from '../platform/context.ts';
import { forbidden } from '../platform/errors.ts';
import { regionDay } from '../platform/clock.ts';
import { leadChannels } from '../../shared/modules/ip.ts';
import { ipPolicy } from './policy.ts';
import { actor } from './leads.ts';
import { leadCounts } from './analysis-queries.ts';
import { invalid } from './revisions.ts';
import type { analysisQuery } from './schemas.ts';

// Risk analysis (重點開展風險分析, items 2–4): counts and trends of a unit's own leads — those it
// sent or received — by channel, goods, route and month. Nothing of any other unit's leads.

const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

export async function analyseLeads(ctx: Context, options: { viewer: Viewer; query: z.infer<typeof analysisQuery> }) {
  const a = await actor(ctx, options.viewer);
  if (!ipPolicy.analyseLeads(a)) throw forbidden('not a user of an enforcement unit of the IP agreement');
  const to = options.query.to ?? regionDay(ctx.clock.now()).slice(0, 7);
  let from = options.query.from;
  if (!from) {
    const [y, m] = to.split('-').map(Number);
    from = m === 12 ? `${y}-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}`;
  }
  if (from > to) throw invalid('from', 'before_start');
  const months: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) months.push(m);
  if (months.length > 60) throw invalid('from', 'period_too_long');
  const counts = await leadCounts(ctx.db, { unitId: options.viewer.unitId!, from: monthStart(from), until: monthStart(nextMonth(to)) });
  const trend = months.map((month) => {
    const rows = counts.byMonth.filter((r) => r.month === month);
    return {
      month,
      total: rows.reduce((n, r) => n + r.count, 0),
      seizures: rows.reduce((n, r) => n + r.seizures, 0),
      byChannel: Object.fromEntries(leadChannels.map((c) => [c, rows.find((r) => r.channel === c)?.count ?? 0])),
    };
  });
  return {
    from,
    to,
    total: trend.reduce((n, m) => n + m.total, 0),
    byChannel: leadChannels.map((channel) => ({ key: channel, count: counts.byChannel.find((r) => r.key === channel)?.count ?? 0 })),
    byGoods: counts.byGoods,
    byRoute: counts.byRoute,
    byMonth: trend,
  };
}
