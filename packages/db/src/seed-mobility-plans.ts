/** Who goes where in the demo mobilities (see seed-mobilities.ts), and how far each has come. */
export type Stage = 'approved' | 'admitted' | 'abroad' | 'returned' | 'interrupted';
export type Plan = {
  email: string;
  latin: string;
  to: 'PSU' | 'BUAS' | 'BRI';
  academicYear: string;
  stage: Stage;
  /** Days from now: planned start and end; arrival and departure where the stage has them. */
  start: number;
  end: number;
  arrived?: number;
  departed?: number;
  /** Checklist steps still open (the rest are done). */
  open: string[];
  identity: { birthDate: string; citizenship: string; sex: number; passport: string };
};

export const plans: Plan[] = [
  {
    email: 'student2@psu.exchange.test',
    latin: 'Dmitrii Ivanov',
    to: 'BUAS',
    academicYear: '2026/2027',
    stage: 'admitted',
    start: 12,
    end: 120,
    open: ['visa', 'insurance', 'police-registration', 'residence-permit'],
    identity: { birthDate: '2004-02-11', citizenship: 'RU', sex: 1, passport: '75 1234567' },
  },
  {
    email: 'student4@psu.exchange.test',
    latin: 'Aleksei Kuznetsov',
    to: 'BRI',
    academicYear: '2026/2027',
    stage: 'admitted',
    start: 10,
    end: 120,
    open: ['visa', 'insurance', 'police-registration', 'residence-permit'],
    identity: { birthDate: '2003-11-30', citizenship: 'RU', sex: 2, passport: '75 2345678' },
  },
  {
    email: 'student3@psu.exchange.test',
    latin: 'Mariia Smirnova',
    to: 'BUAS',
    academicYear: '2026/2027',
    stage: 'approved',
    start: 0,
    end: 0,
    open: [],
    identity: { birthDate: '2004-07-04', citizenship: 'RU', sex: 1, passport: '75 3456789' },
  },
  {
    email: 'student5@psu.exchange.test',
    latin: 'Ekaterina Sokolova',
    to: 'BUAS',
    academicYear: '2026/2027',
    stage: 'interrupted',
    start: -90,
    end: 25,
    arrived: -88,
    departed: -40,
    open: [],
    identity: { birthDate: '2003-05-21', citizenship: 'RU', sex: 2, passport: '75 4567890' },
  },
  {
    email: 'student1@buas.exchange.test',
    latin: 'Zhang Wei',
    to: 'PSU',
    academicYear: '2026/2027',
    stage: 'abroad',
    start: -25,
    end: 25,
    arrived: -22,
    open: ['migration-registration'],
    identity: { birthDate: '2003-09-15', citizenship: 'CN', sex: 1, passport: 'EJ1234567' },
  },
  {
    email: 'student2@buas.exchange.test',
    latin: 'Liu Yang',
    to: 'PSU',
    academicYear: '2026/2027',
    stage: 'returned',
    start: -95,
    end: -5,
    arrived: -93,
    departed: -6,
    open: [],
    identity: { birthDate: '2004-01-08', citizenship: 'CN', sex: 2, passport: 'EJ2345678' },
  },
];
