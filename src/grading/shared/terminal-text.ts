// Text from hand-in files (names, lesson ids, error messages, a thrown error's text) made safe to
// print to a terminal: no escape sequence may move the cursor, clear a line, recolour or retitle,
// and no control or bidi character may hide or reorder what is printed around it. Kept: tab, line
// feed and CRLF line ends (the CSVs end their lines so); a lone carriage return goes, since it
// sends the cursor back over the line.

// ECMA-48: CSI (ESC [ or 8-bit 0x9B) with its parameters; OSC, DCS, SOS, PM, APC strings to their
// terminator (BEL or ST) or the end; any other two-character escape
// eslint-disable-next-line no-control-regex -- the sequences it removes
const ESCAPE_SEQUENCE = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b[\]PX^_][\s\S]*?(?:\x07|\x1b\\|\x9c|$)|\x1b[ -~]/g;
// C0 but tab and line feed, DEL, C1; the bidi marks, embeddings, overrides and isolates
// eslint-disable-next-line no-control-regex -- the characters it removes
const CONTROL = /[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

export const terminalText = (text: string): string => text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');

// one line of a terminal report: a line break inside it would forge a line of its own
export const terminalLine = (text: string): string => terminalText(text).replace(/\s*[\r\n]+\s*/g, ' ');
