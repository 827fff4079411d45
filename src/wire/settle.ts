/**
 * Runs a continuation on a value that may or may not be a Promise: synchronously when it is a plain value (the
 * engine's fast path), after resolution otherwise. The result says whether the caller must wait.
 */
import type { MaybePromise } from './session-port.js';

export function isPromise<T>(v: MaybePromise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

export function settle<T>(v: MaybePromise<T>, then: (value: T) => void | Promise<void>): void | Promise<void> {
  return isPromise(v) ? v.then(then) : then(v);
}
