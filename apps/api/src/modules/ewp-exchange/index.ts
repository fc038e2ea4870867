/** What other modules may know of the EWP exchange: the service's type. */
export type { EwpExchangeService } from './ewp-exchange.service.js';
