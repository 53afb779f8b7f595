/** Content collections: the sources (our pipeline) and the thesis pages (MDX). */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { fileURLToPath } from 'node:url';
import { sourcesLoader } from './loaders/sources-loader.ts';
import { manifestEntrySchema } from './pipeline/manifest.ts';
import { FINGERPRINT } from './checks/thesis-fingerprint.ts';

const paragraph = z.object({
  kind: z.enum(['article', 'furniture', 'comment']),
  role: z.string(),
  text: z.string(),
  line: z.number().int().positive(),
  depth: z.number().int().nonnegative().optional(),
  label: z.string().optional(),
  anchor: z.string(),
  n: z.number().int().positive(),
  spans: z
    .array(
      z.object({
        kind: z.enum(['direct', 'reported', 'narration', 'scare']),
        speaker: z.string().nullable(),
        cue: z.string().nullable(),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        // No `text`: the pipeline's span text is the paragraph's text [start, end), which pages slice themselves;
        // stored, it would repeat every source's text once more in the content layer (a third of its size).
        statement: z.number().int().optional(),
        corrected: z.boolean().optional(),
        holder: z.enum(['person', 'group', 'body', 'outlet']).optional(),
        inferred: z.boolean().optional(),
        evidence: z.string().optional(),
      }),
    )
    .optional(),
});

/** A derivative's alignment with its original (src/pipeline/align.ts). */
const alignment = z.object({
  derivative: z.string(),
  original: z.string(),
  derivation: z.string(),
  pairs: z.array(
    z.object({
      derivative: z.string(),
      original: z.array(z.string()),
      relation: z.enum(['same', 'condensed', 'merged', 'altered', 'added']),
      flags: z.array(
        z.object({
          type: z.enum(['number-changed', 'name-changed', 'quote-not-verbatim', 'attribution-changed', 'hedge-dropped', 'strength-changed', 'claim-added']),
          detail: z.string(),
        }),
      ),
      diff: z.array(z.object({ op: z.enum(['equal', 'added', 'removed']), text: z.string() })),
    }),
  ),
  dropped: z.array(z.string()),
});

const sources = defineCollection({
  loader: sourcesLoader({ seedsDir: fileURLToPath(new URL('../seeds/', import.meta.url)) }),
  schema: manifestEntrySchema.extend({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().positive(),
    paragraphs: z.array(paragraph),
    alignment: alignment.optional(),
  }),
});

/** Theses: content/theses/*.mdx only; anything else in the folder fails the build (src/integrations/thesis-files.ts). */
const theses = defineCollection({
  loader: glob({ base: './content/theses', pattern: '*.mdx' }),
  schema: z.strictObject({
    title: z.string().min(1),
    /** The question the page answers, one line. */
    question: z.string().min(1),
    /** One-sentence summary for cards and previews. */
    teaser: z.string().min(1).max(220),
    /** Position on the home page. */
    order: z.number().int().positive(),
    /** Slugs of related theses (each must name a thesis: checked by src/integrations/thesis-files.ts). */
    related: z
      .array(z.string().min(1))
      .default([])
      .refine((slugs) => new Set(slugs).size === slugs.length, { message: 'related lists the same thesis twice' }),
    /**
     * What changed, for readers, oldest first: the first entry's date is "first published", the newest's
     * "last updated" (and the version "Cite this" names). `fingerprint` is that of the reader-visible text
     * at that date (src/checks/thesis-fingerprint.ts); the newest entry's must match the text as built.
     */
    changes: z
      .array(
        z.strictObject({
          // YAML reads an unquoted 2026-12-07 as a date: take it back as the day it names.
          date: z.preprocess((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v), z.iso.date({ error: 'must be a real calendar date written YYYY-MM-DD' })),
          note: z.string().min(1).max(600),
          fingerprint: z.string({ error: 'must be 12 hex digits in quotes, as the build prints it' }).regex(FINGERPRINT, 'must be 12 hex digits in quotes, as the build prints it').optional(),
        }),
      )
      .min(1, 'a thesis lists at least one change: its first publication')
      .refine((c) => c.every((e, i) => i === 0 || c[i - 1]!.date <= e.date), { message: 'changes must be listed oldest first' })
      .refine((c) => c.at(-1)?.fingerprint !== undefined, { message: 'the newest change needs the fingerprint the build prints' }),
  }),
});

/** The home page's overall answer: content/home/answer.mdx (at most 100 words, every sentence cited). */
const home = defineCollection({
  loader: glob({ base: './content/home', pattern: 'answer.mdx' }),
  schema: z.strictObject({}),
});

export const collections = { sources, theses, home };
