/** The transcript of records and recognition of a mobility, and the recognition report per direction. */
import { recognition, recognitionReport, type recognitionRequest, type Recognition, type transcriptUpdate } from '@exchange/shared';
import { segment as id, type Transport } from './transport.js';

/** What the host records: per component the grade in its own scale, the credits and the date. */
export type TranscriptUpdate = ReturnType<typeof transcriptUpdate.parse>;
/** The home office's decision per home component of the learning agreement. */
export type RecognitionRequest = ReturnType<typeof recognitionRequest.parse>;
export type RecognitionReport = ReturnType<typeof recognitionReport.parse>;

export function createRecognitionApi({ request }: Transport) {
  const path = (mobilityId: string, action: string) => `/mobilities/${id(mobilityId)}/${action}`;
  return {
    /** The transcript (or null), what the conversion table proposes, and the decision (or null). */
    recognition: (mobilityId: string): Promise<Recognition> => request('GET', path(mobilityId, 'recognition'), { schema: recognition }),
    /** The receiving office records (or corrects) the transcript, until the home office has decided. */
    recordTranscript: (mobilityId: string, body: TranscriptUpdate): Promise<Recognition> =>
      request('PUT', path(mobilityId, 'transcript'), { body, schema: recognition }),
    /** The sending office decides; the mobility becomes `recognised`, for good. */
    recognise: (mobilityId: string, body: RecognitionRequest): Promise<Recognition> =>
      request('POST', path(mobilityId, 'recognition'), { body, schema: recognition }),
    /** Per direction: components planned, passed and recognised, and their credits, in one academic year. */
    report: (academicYear: string): Promise<RecognitionReport> =>
      request('GET', '/reports/recognition', { query: { academicYear }, schema: recognitionReport }),
  };
}
