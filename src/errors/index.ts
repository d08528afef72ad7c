export { errorCodes, type ErrorCode } from './codes.ts';
export { OntomeshError, asOntomeshError, type ErrorLocation } from './OntomeshError.ts';
