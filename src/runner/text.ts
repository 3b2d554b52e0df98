/**
 * neutralise makes a log line safe to write whatever it quotes (C1's answers, echo services, saved state,
 * inputs): the runner reads any stdout line that starts with `::` as a workflow command, and its legacy parser
 * acts on `##[` anywhere in a line. Line breaks and other control characters are shown as escapes, so quoted
 * text can never start a line of its own; a leading `::` and every `##[` lose their meaning.
 */
export function neutralise(line: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
  const flat = line.replace(/[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/gu, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return flat.replace(/##\[/gu, '# #[').replace(/^(\s*):/u, '$1: ');
}
