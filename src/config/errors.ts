/**
 * InputError is what every validation failure throws: it names the input, so a user can find the line in their
 * workflow, and it is raised before any network call.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`Input '${input}': ${detail}`);
    this.name = 'InputError';
  }
}

/** quote shows a user's value in an error message, short and with control characters made visible. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}
