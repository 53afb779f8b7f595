/**
 * Site-wide settings, in one place: the site's name and who wrote the theses.
 * The editors are the theses' corporate author on every page byline, in
 * "Cite this" and in every export (BibTeX, RIS, CSL-JSON).
 */
export const SITE_NAME = 'What does Putin want?';
/** The theses' author, as a corporate (institutional) name. */
export const SITE_AUTHOR = 'Editors of What does Putin want?';
