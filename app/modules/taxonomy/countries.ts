/**
 * ISO 3166-1 alpha-2 codes of UN Member and Observer States and territories commonly named in
 * inputs. Names come from Intl in the interface language, so no translation table is kept here.
 */
export const COUNTRY_CODES = (
  'AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL CN ' +
  'CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW ' +
  'GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH ' +
  'MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW ' +
  'KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG ' +
  'UA AE GB TZ US UY UZ VU VE VN YE ZM ZW VA PS XK HK MO PR TW EH'
).split(' ');

const COUNTRY_SET = new Set(COUNTRY_CODES);
export function isCountryCode(value: string): boolean {
  return COUNTRY_SET.has(value);
}

export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}

/** Codes sorted by their name in the interface language, for select lists. */
export function countriesSortedFor(locale: string): Array<{ code: string; name: string }> {
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
