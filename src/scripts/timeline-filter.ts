/**
 * The timeline's filters (progressive enhancement: without JavaScript the
 * form stays hidden and every entry shows). Source and thesis are read from
 * and written to the URL (`/timeline/?source=trenin-2021&thesis=nato-expansion`);
 * an entry shows when it has a mention of the source and a paragraph the
 * thesis cites; a period with no entry left is hidden with its heading.
 */
const form = document.querySelector<HTMLFormElement>('#tl-filters');
if (form) {
  const count = form.querySelector<HTMLElement>('#tl-count');
  const entries = [...document.querySelectorAll<HTMLElement>('.tl-entry')];
  const periods = [...document.querySelectorAll<HTMLElement>('.tl-period')];
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement | null;
  const params = new URLSearchParams(location.search);
  for (const name of ['source', 'thesis']) {
    const s = select(name);
    const v = params.get(name);
    if (s && v && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  const apply = (push: boolean) => {
    const source = select('source')?.value ?? '';
    const thesis = select('thesis')?.value ?? '';
    let shown = 0;
    for (const e of entries) {
      const ok = (!source || (e.dataset.s ?? '').split(' ').includes(source)) && (!thesis || (e.dataset.t ?? '').split(' ').includes(thesis));
      e.hidden = !ok;
      if (ok) shown++;
    }
    for (const p of periods) {
      const items = [...p.querySelectorAll<HTMLElement>('.tl-entry, .tl-unplaced > li')];
      const unplaced = p.querySelector('.tl-unplaced');
      if (unplaced) for (const li of unplaced.querySelectorAll<HTMLElement>('li')) li.hidden = !!thesis || (!!source && li.dataset.s !== source);
      p.hidden = items.length > 0 && items.every((i) => i.hidden);
    }
    if (count) count.textContent = source || thesis ? `${shown} of ${entries.length} entries shown.` : `${entries.length} entries.`;
    if (push) {
      const url = new URL(location.href);
      for (const [k, v] of [['source', source], ['thesis', thesis]] as const) {
        if (v) url.searchParams.set(k, v);
        else url.searchParams.delete(k);
      }
      history.replaceState(null, '', url);
    }
  };
  form.addEventListener('change', () => apply(true));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply(true);
  });
  form.hidden = false;
  apply(false);
}
