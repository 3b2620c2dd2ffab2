import { defineError } from '../../kernel/index.ts';

/** Failures the bus reports to its callers; the API maps the 503s to "try again later". */
export const BusErrors = {
  closed: defineError('BUS.CLOSED', 503, 'The event bus is closed'),
  publishTimeout: defineError('BUS.PUBLISH_TIMEOUT', 503, 'The event bus did not confirm the message in time'),
  invalidSubject: defineError('BUS.INVALID_SUBJECT', 500, 'Not a valid subject for this operation'),
  messageTooLarge: defineError('BUS.MESSAGE_TOO_LARGE', 500, 'The message exceeds the bus payload limit'),
  invalidOptions: defineError('BUS.INVALID_OPTIONS', 500, 'Invalid event bus or consumer options'),
} as const;
