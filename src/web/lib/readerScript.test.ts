import { describe, expect, it } from 'vitest';
import { converterFor } from './readerScript.ts';

describe("text in the reader's script", () => {
  it('gives a Hong Kong reader Simplified text in Traditional, and leaves Traditional, names and English as written', async () => {
    const toHant = await converterFor('zh-Hant');
    expect(toHant('东方日报：香港市面冷冻虾仁检出孔雀石绿')).toBe('東方日報：香港市面冷凍蝦仁檢出孔雀石綠');
    expect(toHant('冷凍蝦仁驗出孔雀石綠')).toBe('冷凍蝦仁驗出孔雀石綠');
    // Characters both scripts use: converting them would make other names.
    for (const asWritten of ['余慧', '范先生', '于先生', '制作流程.pdf', 'Malachite green 4.2 µg/kg']) expect(toHant(asWritten)).toBe(asWritten);
  });

  it('gives a Mainland reader Traditional text in Simplified, and an English reader the text as written', async () => {
    expect((await converterFor('zh-Hans'))('冷凍蝦仁驗出孔雀石綠')).toBe('冷冻虾仁验出孔雀石绿');
    expect((await converterFor('en'))('冷凍蝦仁')).toBe('冷凍蝦仁');
  });
});
