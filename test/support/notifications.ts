import type { FastifyInstance } from 'fastify';

/** A notification as an officer would draft it: all that clause 1 requires, in Traditional. */
export const draftBody = (recipientUnitId: string, overrides: Record<string, unknown> = {}) => ({
  recipientUnitId,
  category: 'monitoring_result',
  classification: 'alert',
  riskDecision: 'serious',
  basis: 'border_control',
  script: 'zh-Hant',
  text: {
    title: '冷凍蝦仁驗出孔雀石綠',
    scope: '一批由廣東省供港的冷凍蝦仁，在邊境抽驗中驗出孔雀石綠。',
    measures: '已封存該批產品，並通知進口商停止銷售及回收。',
    attention: '請跟進有關養殖場及出口商，並通報調查結果。',
  },
  summaryEn: 'Malachite green in frozen shrimp supplied to Hong Kong',
  products: [{ name: '冷凍蝦仁', category: 'crustaceans', brand: '海之寶', lot: 'L20261120', origin: '廣東湛江', hsCode: '0306.17' }],
  hazards: [{ agent: '孔雀石綠', result: '4.2', unit: 'µg/kg', limit: '0' }],
  distribution: [{ area: '香港', details: '三家零售商' }],
  customsChannel: true,
  ...overrides,
});

export async function call(app: FastifyInstance, cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) {
  return app.inject({ method, url: `/api/v1${url}`, headers: { cookie, ...headers }, payload });
}
