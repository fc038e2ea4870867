export type { AccountService } from './account.service.js';
