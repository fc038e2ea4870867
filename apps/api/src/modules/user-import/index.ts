export type { UserImportService } from './user-import.service.js';
