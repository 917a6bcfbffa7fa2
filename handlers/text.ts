// Text people type is shown to other people (moderators, voters, a channel). Invisible format
// characters are taken out before it is measured or shown: zero-width spaces that pad a story
// past its length check, bidi overrides that turn "gnp.exe" around on screen. What makes emoji
// whole stays: the joiner between two pictographs (👩‍👩‍👧) and the tags of a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿).

const FORMAT = /\p{Cf}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const CONTROL = /\p{Cc}/u;
const ZWJ = '\u200D';
const VARIATION_SELECTOR = '\uFE0F';
const BLACK_FLAG = '\u{1F3F4}';
const isTag = (c: string) => c >= '\u{E0020}' && c <= '\u{E007F}';

/** The text without invisible format and control characters (line breaks and tabs stay). */
export function cleanText(text: string): string {
  const chars = [...text];
  let out = '';
  let previous = '';
  for (const [i, c] of chars.entries()) {
    const keep = !(FORMAT.test(c) || (CONTROL.test(c) && c !== '\n' && c !== '\t'))
      ? true
      : c === ZWJ
        ? (PICTOGRAPH.test(previous) || previous === VARIATION_SELECTOR) &&
          PICTOGRAPH.test(chars[i + 1] ?? '')
        : isTag(c) && (previous === BLACK_FLAG || isTag(previous));
    if (!keep) continue;
    out += c;
    previous = c;
  }
  return out;
}
