// How much text the playground reads: makemore's names.txt (32,033 names) is 228 KB, so 2 MB is
// room for any list of names, and small enough to parse and hold in a tab without a stall.
export const MAX_TEXT_BYTES = 2_000_000;
