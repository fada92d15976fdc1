import { describe, expect, it } from 'vitest';
import { writtenScript } from './script.ts';

describe('the script a text is written in', () => {
  it('is told from the characters only one script uses', () => {
    expect(writtenScript('一批由廣東省供港的冷凍蝦仁，在邊境抽驗中驗出孔雀石綠。')).toBe('zh-Hant');
    expect(writtenScript('已封存该批产品，并通知进口商停止销售及回收。')).toBe('zh-Hans');
  });

  it('is not told from text both scripts share, English, one telling character, or a quotation from the other side', () => {
    expect(writtenScript('食品安全')).toBeNull();
    expect(writtenScript('Malachite green in frozen shrimp')).toBeNull();
    expect(writtenScript('核實')).toBeNull();
    expect(writtenScript('孔雀石綠（廣東方面稱「孔雀石绿」）')).toBeNull();
  });
});
