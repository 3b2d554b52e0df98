import { InputError, quote } from './errors.js';

/** parseList splits a list input on newlines, commas or spaces, dropping empty items. */
export function parseList(value: string): string[] {
  return value.split(/[\s,]+/u).filter((item) => item !== '');
}

/** optional is a text input, trimmed, or undefined when empty. */
export function optional(value: string): string | undefined {
  const v = value.trim();
  return v === '' ? undefined : v;
}

/** parseBoolean accepts `true`/`false` in any case and nothing else: a typo must not silently mean false. */
export function parseBoolean(input: string, value: string, fallback: boolean): boolean {
  const v = value.trim();
  if (v === '') return fallback;
  // Plain ASCII comparison: a Unicode-aware case fold would take `falſe` for false.
  if (v.toLowerCase() === 'true') return true;
  if (v.toLowerCase() === 'false') return false;
  throw new InputError(input, `got ${quote(v)}; expected true or false.`);
}

/** parseChoice accepts one of a fixed set of words (case-insensitive), or the fallback when empty. */
export function parseChoice<T extends string>(input: string, value: string, choices: readonly T[], fallback: T): T {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  const found = choices.find((c) => c === v);
  if (found === undefined) throw new InputError(input, `got ${quote(value.trim())}; expected one of ${choices.join(', ')}.`);
  return found;
}

/** parseInteger accepts plain ASCII decimal digits within [min, max], or the fallback when empty. */
export function parseInteger(input: string, value: string, min: number, max: number, fallback: number): number {
  const v = value.trim();
  if (v === '') return fallback;
  if (!/^[0-9]{1,6}$/u.test(v)) throw new InputError(input, `got ${quote(v)}; expected a whole number from ${min} to ${max}.`);
  const n = Number(v);
  if (n < min || n > max) throw new InputError(input, `got ${n}; expected a whole number from ${min} to ${max}.`);
  return n;
}
