export { DocumentErrors } from './errors.ts';
export {
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BASE64,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS_PER_DECLARATION,
  MAX_FILE_NAME,
  cleanFileName,
  contentDisposition,
  readDocument,
  type DocumentInput,
  type DocumentType,
  type NewDocument,
} from './document.ts';
