import { InputError } from '../src/config/errors.js';

/** inputErrorOf runs fn and returns the InputError it throws; anything else fails the test. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}
