/**
 * Site-wide enhancements, none needed for reading:
 * "/" focuses the search box; following a paragraph number also copies its
 * link to the clipboard and says so in a live region.
 */
const search = document.querySelector<HTMLInputElement>('#site-search-q');
const status = document.getElementById('status');

document.addEventListener('keydown', (event) => {
  const t = event.target as HTMLElement;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
  event.preventDefault();
  search?.focus();
});

document.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a.pnum');
  if (!link || !navigator.clipboard || !status) return;
  navigator.clipboard.writeText(link.href).then(
    () => (status.textContent = `Link to ${link.textContent} copied`),
    () => {},
  );
});
