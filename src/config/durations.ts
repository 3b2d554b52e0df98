import { InputError, quote } from './errors.js';

const UNIT_MS: Record<string, number> = {
  w: 7 * 86_400_000,
  d: 86_400_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000
};

// Units must come largest first and each at most once, so `1h30m` parses and `30m1h` or `1h1h` do not.
const SHORT = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/u;
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/u;
const EXPECTED =
  'expected a duration such as 30s, 15m, 12h, 30d, 1w or 1h30m, or ISO 8601 such as P30D, PT12H or P1W ' +
  '(no years, months, bare numbers or negative values)';

/**
 * parseDuration reads a positive duration in milliseconds. Years and months are refused because their length
 * depends on the calendar, and a credential's expiry should not.
 */
export function parseDuration(input: string, value: string): number {
  const v = value.trim();
  const match = SHORT.exec(v) ?? ISO.exec(v);
  // `P1DT` matches the ISO pattern with an empty time part, which ISO 8601 does not allow.
  if (v === '' || v.endsWith('T') || match === null) throw new InputError(input, `got ${quote(v)}; ${EXPECTED}.`);
  const parts = match.slice(1);
  if (parts.every((p) => p === undefined)) throw new InputError(input, `got ${quote(v)}; ${EXPECTED}.`);
  const units = ['w', 'd', 'h', 'm', 's'];
  let ms = 0;
  parts.forEach((p, i) => {
    if (p !== undefined) ms += Number(p) * (UNIT_MS[units[i] ?? 's'] ?? 0);
  });
  if (ms <= 0) throw new InputError(input, `got ${quote(v)}; the duration must be longer than zero.`);
  // 100 years is far beyond any credential's life; past it, a typo is likelier than intent.
  if (ms > 100 * 365 * 86_400_000) throw new InputError(input, `got ${quote(v)}; the duration is longer than 100 years.`);
  return ms;
}

/** parseDurationUpTo reads an optional duration input: the fallback when empty, an error past `maxMs`. */
export function parseDurationUpTo(input: string, value: string, fallbackMs: number, maxMs: number): number {
  if (value.trim() === '') return fallbackMs;
  const ms = parseDuration(input, value);
  if (ms > maxMs) throw new InputError(input, `got ${value.trim()}; expected at most ${formatDuration(maxMs)}.`);
  return ms;
}

/** formatDuration renders milliseconds the way the inputs are written (`1d2h`), for messages. */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms / 1000);
  const out: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out.push(`${n}${unit}`);
    rest -= n * size;
  }
  return out.length > 0 ? out.join('') : '0s';
}
