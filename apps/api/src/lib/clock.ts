/** The system's clock, passed to every service that decides by time (tests set it). */
export type Clock = () => Date;
