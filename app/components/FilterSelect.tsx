/**
 * One filter of a GET search form: a labelled select whose first option, when `anyLabel` is
 * given, means "no filter" (an empty value, left out of the address).
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  /** `lang` where an option is written in another language than the page (a language named in itself). */
  options: Array<{ value: string; label: string; lang?: string }>;
  anyLabel?: string;
}) {
  return (
    <div className="field filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => <option key={o.value} value={o.value} lang={o.lang}>{o.label}</option>)}
      </select>
    </div>
  );
}
