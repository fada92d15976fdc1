import { describe, expect, it } from 'vitest';
import { documentTokens, queryExpression, tokenise } from './normalise.ts';

describe('search normalisation', () => {
  it('turns Chinese runs into Simplified bigrams and Latin runs into lower-case words', () => {
    expect(tokenise('知識產權 Intellectual Property')).toEqual(['知识', '识产', '产权', 'intellectual', 'property']);
  });

  it('folds full-width letters and digits (NFKC) and keeps a lone character', () => {
    expect(tokenise('ＨＫ２０１５年 港')).toEqual(['hk2015', '年', '港']);
  });

  it('gives the same tokens for Traditional and Simplified text', () => {
    expect(documentTokens('食物及衞生局')).toBe(documentTokens('食物及卫生局'));
  });

  it('makes a phrase query of a Chinese word and a prefix query of a single character or Latin word', () => {
    expect(queryExpression('知識產權')).toBe("('知识' <-> '识产' <-> '产权')");
    expect(queryExpression('香港')).toBe("'香港'");
    expect(queryExpression('港')).toBe("'港':*");
    expect(queryExpression('food safety')).toBe("'food':* & 'safety':*");
  });

  it('has nothing to search in punctuation alone, and cannot be used to inject tsquery syntax', () => {
    expect(queryExpression('！？ ,.')).toBeNull();
    expect(queryExpression("a' | !b")).toBe("'a':* & 'b':*");
  });
});
