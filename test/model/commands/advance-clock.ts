/**
 * ALTER EMULATOR ADVANCE TIME n SECONDS (emulator.md "Control statements"): virtual time moves and every job and
 * round steps through what it reaches. Steps are 5 s (jobs still live, archive changes settled), 10 min (every
 * job finished) and 1 h; the model never claims what happens between.
 */
import { advanceModel } from '../model-jobs.js';
import type { Model } from '../model.js';
import { ModelCommand, ok } from './command.js';
import type { Prediction } from './command.js';

export const CLOCK_STEPS = [5, 600, 3600] as const;

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

export class AdvanceClock extends ModelCommand {
  readonly conn = 'sys' as const;

  constructor(readonly seconds: (typeof CLOCK_STEPS)[number]) {
    super();
  }

  statement(): string {
    return `ALTER EMULATOR ADVANCE TIME ${this.seconds} SECONDS`;
  }

  check(): boolean {
    return true;
  }

  predict(m: Model): Prediction {
    return ok(() => advanceModel(m, this.seconds * 1000));
  }

  override record(m: Model): string {
    this.predict(m).apply?.();
    return `clock advance ${duration(this.seconds)}`;
  }
}
