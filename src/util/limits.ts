// Work per document is bounded, so that any input under the size limit parses in seconds and
// in bounded memory (a file of 100,000 one-line items took minutes and gigabytes). Where a
// limit is reached, the stage says so with a located message and reads the rest as text.

/** Sections one document holds at most (the largest of 3,472 laws holds far fewer): later headings are body text. */
export const MAX_SECTIONS = 10_000;

/** Quantities one document is read for at most (a government work report holds a few hundred): the rest of the text is not read for targets. */
export const MAX_QUANTITIES = 20_000;
