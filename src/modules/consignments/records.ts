import type { Problem } from '../../kernel/index.ts';
import type { Consignment } from './model.ts';
import type { ValidateOptions } from './validate.ts';

/**
 * What the streaming parsers yield, one record per consignment, in input order. `lineNo` is the 1-based line of the
 * input where the consignment starts (its first CSV row), `lastLineNo` where it ends; problem paths are JSON paths
 * into the consignment model, so NDJSON and CSV uploads report the same way.
 */
export type ParsedRecord =
  | { readonly lineNo: number; readonly lastLineNo: number; readonly consignment: Consignment }
  | {
      readonly lineNo: number;
      readonly lastLineNo: number;
      readonly problems: readonly Problem[];
      /** The id the line claimed, when it could be read: lets a platform match the rejection to its order. */
      readonly consignmentId?: string;
    };

export interface ParseOptions extends ValidateOptions {
  /** Per-line limit in bytes (default 64 KiB). */
  readonly maxLineBytes?: number;
}
