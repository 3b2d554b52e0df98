import type { ChildProcess } from 'node:child_process';

export interface StepResult {
  code: number | string | null;
  ms: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  stateFile: string;
  outputFile: string;
  summary: string;
}

export interface StepOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  state?: Record<string, string>;
  node?: string;
  killAfter?: (child: ChildProcess, stdout: () => string) => void;
  timeoutMs?: number;
}

export function parseCommandFile(text: string): Record<string, string>;
export function runStep(step: 'main' | 'post', options?: StepOptions): Promise<StepResult>;
