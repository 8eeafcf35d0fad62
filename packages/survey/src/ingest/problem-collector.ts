import type { Problem } from "@zaz/model";

/**
 * Collects the problems of a whole file without letting memory grow: the first `cap` of each
 * severity are kept, the rest only counted.
 */
export class ProblemCollector {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  errorCount = 0;
  warningCount = 0;

  constructor(readonly cap = 100) {}

  error(problem: Problem): void {
    this.errorCount++;
    if (this.errors.length < this.cap) this.errors.push(problem);
  }

  warning(problem: Problem): void {
    this.warningCount++;
    if (this.warnings.length < this.cap) this.warnings.push(problem);
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }
}
