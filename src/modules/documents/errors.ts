import { defineError } from '../../kernel/index.ts';

/** What a document sent for a declaration can be refused for. */
export const DocumentErrors = {
  unsupportedType: defineError('DOCUMENT.UNSUPPORTED_TYPE', 415, 'Documents are PDF, JPEG or PNG files'),
  invalidContent: defineError('DOCUMENT.INVALID_CONTENT', 422, 'The content is not base64, is empty, or is not the file type it claims to be'),
  tooLarge: defineError('DOCUMENT.TOO_LARGE', 413, 'The document is larger than the limit'),
  tooMany: defineError('DOCUMENT.TOO_MANY', 409, 'The declaration already has as many documents as it may'),
  closed: defineError('DOCUMENT.DECLARATION_CLOSED', 409, 'The declaration is released or rejected; no documents can be added'),
  notFound: defineError('DOCUMENT.NOT_FOUND', 404, 'No such document for the declaration'),
} as const;
