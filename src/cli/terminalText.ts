/**
 * Text from the user's input (a token of a file, a file name, a server's message) reaches the terminal
 * in error lines; a control character in it would act on the terminal (`\x1b[31m` turns it red, `\r`
 * overwrites the line, U+202E reverses it). These functions make such characters visible instead.
 */

/** C0 controls, DEL, C1 controls, and the Unicode line separators and bidirectional formatting characters. */
const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (char: string, digits: number) => char.charCodeAt(0).toString(16).padStart(digits, '0');

/**
 * `text` with every control character written as an escape: `\x1b` up to U+00FF, `\u202e` above.
 *
 * @example
 * escapeControls('Unexpected "\x1b[31mRED"'); // 'Unexpected "\\x1b[31mRED"'
 */
export function escapeControls(text: string): string {
  return text.replace(controls, (char) => (char.charCodeAt(0) <= 0xff ? `\\x${hex(char, 2)}` : `\\u${hex(char, 4)}`));
}

/**
 * `JSON.stringify(value)`, with the control characters JSON leaves raw (DEL, C1, the Unicode separators and
 * bidirectional characters) written as `\uXXXX` too: the same JSON value, safe to print on a terminal.
 * (Outside strings JSON text is ASCII, so every such character is inside a string.)
 *
 * @example
 * jsonForTerminal({ term: 'a\u009bb' }); // '{"term":"a\\u009bb"}'
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value).replace(controls, (char) => `\\u${hex(char, 4)}`);
}
