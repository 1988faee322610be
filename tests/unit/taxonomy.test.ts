import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countriesSortedFor } from '../../app/modules/taxonomy/countries';
import { PRINCIPLE_KEYS, principleLabel } from '../../app/modules/taxonomy/principles';
import { REGION_KEYS, REGION_MEMBERS, regionOfCountry } from '../../app/modules/taxonomy/regions';

describe('taxonomy', () => {
  it('places every country of the form in exactly one UN region', () => {
    const listed = REGION_KEYS.flatMap((r) => REGION_MEMBERS[r].split(' '));
    expect(new Set(listed).size).toBe(listed.length);
    expect(COUNTRY_CODES.filter((c) => !regionOfCountry(c))).toEqual([]);
    expect(listed.filter((c) => !COUNTRY_CODES.includes(c))).toEqual([]);
    expect([regionOfCountry('LB'), regionOfCountry('MA'), regionOfCountry('NG'), regionOfCountry('PH'), regionOfCountry('DE'), regionOfCountry('BR')]).toEqual(
      ['ESCWA', 'ESCWA', 'ECA', 'ESCAP', 'ECE', 'ECLAC'],
    );
  });

  it('names the ten guiding principles in Arabic and English', () => {
    expect(PRINCIPLE_KEYS).toHaveLength(10);
    for (const key of PRINCIPLE_KEYS) expect(principleLabel(key, 'ar')).toMatch(/\p{Script=Arabic}/u);
  });

  it('sorts country names by the interface language', () => {
    const ar = countriesSortedFor('ar');
    expect(ar[0].name).toMatch(/^\p{Script=Arabic}/u);
    expect(ar).toHaveLength(COUNTRY_CODES.length);
  });
});
