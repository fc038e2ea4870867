export type { GradingService } from './grading.service.js';
