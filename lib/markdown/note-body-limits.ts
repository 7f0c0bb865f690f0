/** A note's Markdown source, counted in characters (Unicode code points, as elsewhere in the project), after trimming. */
export const NOTE_BODY_MAX_CHARACTERS = 50_000;
export const NOTE_BODY_MIN_CHARACTERS = 1;
