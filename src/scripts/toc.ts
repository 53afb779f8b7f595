/**
 * The contents of a thesis page: open beside the text on wide screens, closed
 * (one line, "Contents") at the top on narrow ones, where it would otherwise
 * push the text a screen down. Without JavaScript it stays open.
 */
const toc = document.querySelector<HTMLDetailsElement>('.toc details');
const wide = matchMedia('(min-width: 68rem)');
const fit = (): void => {
  if (toc) toc.open = wide.matches;
};
fit();
wide.addEventListener('change', fit);
// A contents link followed on a narrow screen closes the list again.
toc?.addEventListener('click', (e) => {
  if (!wide.matches && (e.target as HTMLElement).closest('a')) toc.open = false;
});

export {};
