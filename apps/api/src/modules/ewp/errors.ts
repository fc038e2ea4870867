/** Why a document could not be written or was refused. */

/** The data cannot make a document the schema accepts (e.g. a learning agreement version without the signatures EWP requires). */
export class EwpInputError extends Error {
  override name = 'EwpInputError';
}

/** A document received was refused: not well-formed, not valid against its schema, or not one this side acts on. */
export class EwpDocumentError extends Error {
  override name = 'EwpDocumentError';

  /** What is wrong, one line each (`line 12: …` where the validator gives a line). */
  readonly errors: string[];

  constructor(message: string, errors: string[] = []) {
    super(errors.length > 0 ? `${message}: ${errors.join('; ')}` : message);
    this.errors = errors;
  }
}
