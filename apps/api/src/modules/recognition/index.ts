export type { RecognitionService } from './recognition.service.js';
