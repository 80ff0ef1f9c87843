import { describe, it, expect } from 'vitest';
import { validateAgreement, termFor, type SharingAgreement } from './sharing-agreement.ts';
import { hangzhouJilin, pct } from './test-support/hangzhou-jilin.ts';

const problems = (a: SharingAgreement) => validateAgreement(a).map((p) => `${p.field}:${p.code}`);

describe('benefit-sharing agreements', () => {
  it('accepts shares that change by period', () => {
    expect(problems(hangzhouJilin())).toEqual([]);
  });

  it('refuses shares that do not add up to 100 %, naming the term', () => {
    const a = hangzhouJilin();
    a.terms[1]!.shares = { out: pct('30'), in: pct('60') };
    expect(problems(a)).toEqual(['terms.1.shares:shares_not_100']);
    const b = hangzhouJilin();
    b.costShares = { out: pct('33.3333'), in: pct('66.6666') };
    expect(problems(b)).toEqual(['costShares:shares_not_100']);
    const c = hangzhouJilin();
    c.terms[0]!.shares = { out: pct('50'), in: pct('40'), nobody: pct('10') };
    expect(problems(c)).toEqual(['terms.0.shares.nobody:unknown_party']);
  });

  it('refuses overlapping periods for the same figure, but not for different figures', () => {
    const a = hangzhouJilin();
    a.terms[1]!.from = '2024-06-30';
    expect(problems(a)).toEqual(['terms.1.from:terms_overlap']);
    const b = hangzhouJilin();
    b.terms[0]!.to = null; // open-ended: runs into the next term
    expect(problems(b)).toEqual(['terms.1.from:terms_overlap']);
  });

  it('refuses dates in the wrong order and terms outside the agreement', () => {
    const a = hangzhouJilin();
    a.endsOn = '2019-01-01';
    expect(problems(a)).toContain('endsOn:date_order');
    const b = hangzhouJilin();
    b.terms[0]!.to = '2019-06-30';
    expect(problems(b)).toEqual(['terms.0.to:date_order']);
    const c = hangzhouJilin();
    c.terms[0]!.from = '2019-01-01';
    expect(problems(c)).toEqual(['terms.0.from:term_outside_agreement']);
  });

  it('needs two distinct parties and at least one term', () => {
    const a = hangzhouJilin();
    a.parties = [a.parties[0]!];
    a.terms = [];
    a.costShares = null;
    expect(problems(a)).toEqual(['parties:parties_min', 'terms:terms_required']);
    const b = hangzhouJilin();
    b.parties[1] = { ...b.parties[0]! };
    expect(problems(b)).toContain('parties.1:duplicate_party');
  });

  it('finds the term in force for a period, or says why there is none', () => {
    const a = hangzhouJilin();
    expect(termFor(a, 'vat', '2024-03-01', '2024-03-31')).toMatchObject({ index: 0 });
    expect(termFor(a, 'vat', '2024-07-01', '2024-07-31')).toMatchObject({ index: 1 });
    expect(termFor(a, 'vat', '2024-01-01', '2024-12-31')).toEqual({ term: null, reason: 'straddles_terms' });
    expect(termFor(a, 'vat', '2019-01-01', '2019-01-31')).toEqual({ term: null, reason: 'not_shared' });
    expect(termFor(a, 'personal_income_tax', '2024-03-01', '2024-03-31')).toEqual({ term: null, reason: 'not_shared' });
    expect(termFor(a, 'vat', '2034-07-01', '2034-07-31')).toEqual({ term: null, reason: 'not_shared' });
  });
});
