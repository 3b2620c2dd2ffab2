import { defineError } from '../../kernel/index.ts';

/** Codes of the low-value clearance pipeline (batch uploads, per-consignment clearance, advance cargo data). */
export const ClearanceErrors = {
  duplicate: defineError('CLEARANCE.DUPLICATE_CONSIGNMENT', 409, 'The consignment id was already received from this sender; its first clearance stands'),
  noTariffLine: defineError('CLEARANCE.NO_TARIFF_LINE', 422, 'No 9-digit tariff line could be found or suggested for the item'),
  assessmentFailed: defineError('CLEARANCE.ASSESSMENT_FAILED', 422, 'The duty and tax assessment of the consignment failed'),
  batchNotFound: defineError('CLEARANCE.BATCH_NOT_FOUND', 404, 'No such consignment batch (or not yours)'),
  unsupportedMediaType: defineError('CLEARANCE.UNSUPPORTED_MEDIA_TYPE', 415, 'Send consignment batches as application/x-ndjson or text/csv'),
  uploadInterrupted: defineError('CLEARANCE.UPLOAD_INTERRUPTED', 400, 'The upload stream ended with an error; the lines received before it are kept'),
  batchExists: defineError('CLEARANCE.BATCH_EXISTS', 409, 'A consignment batch with this id exists already'),
  uploadTooLarge: defineError('CLEARANCE.UPLOAD_TOO_LARGE', 413, 'The batch upload is larger than the streamed-body limit'),
  advanceNotFound: defineError('CLEARANCE.ADVANCE_NOT_FOUND', 404, 'No such advance cargo record'),
} as const;
