/** Realistic inputs for the EWP tests: a Russian student going to Baoji and a Chinese one coming to Penza. */
import { readFileSync } from 'node:fs';
import type {
  Institution,
  InterInstitutionalAgreement,
  LanguageSkill,
  LearningAgreement,
  LearningAgreementVersion,
  Nomination,
  Student,
  Transcript,
} from './types.js';
import { namespaces } from './xml.js';

export const psu: Institution = {
  heiId: 'pnzgu.ru',
  code: 'PSU',
  name: { en: 'Penza State University', ru: 'Пензенский государственный университет', zh: '奔萨国立大学' },
  country: 'RU',
};

export const buas: Institution = {
  heiId: 'bjwlxy.edu.cn',
  code: 'BUAS',
  name: { en: 'Baoji University of Arts and Sciences', ru: 'Баоцзинский институт искусств и наук', zh: '宝鸡文理学院' },
  country: 'CN',
};

const russianStudent: Student = {
  id: '5f0c2a7e-9b1d-4e2f-8a63-0d4b7c9e1f20',
  latinName: { givenNames: 'Anna', familyName: 'Smirnova' },
  nativeName: { givenNames: 'Анна', familyName: 'Смирнова', lang: 'ru' },
  birthDate: '2003-04-17',
  citizenship: 'RU',
  gender: 2,
  email: 'anna.smirnova@pnzgu.example',
};

const chineseStudent: Student = {
  id: 'b81e4d02-3c5a-4f7b-9e10-6a2d8c4f5b93',
  latinName: { givenNames: 'Wei', familyName: 'Zhang' },
  nativeName: { givenNames: '伟', familyName: '张', lang: 'zh' },
  birthDate: '2002-11-03',
  citizenship: 'CN',
  gender: 1,
  email: 'zhang.wei@bjwlxy.example',
};

/** One direction of the exchange: who sends whom, and what is taught there in which language. */
export type Direction = {
  label: string;
  omobilityId: string;
  sending: Institution;
  receiving: Institution;
  student: Student;
  language: LanguageSkill;
  iscedCode: string;
  courses: { code: string; title: string; credits: number }[];
  /** The course a change proposal adds in place of the second one. */
  addedCourse: { code: string; title: string; credits: number };
  units: { sending: string; receiving: string };
  coordinators: { sending: [string, string]; receiving: [string, string] };
};

export const directions: Direction[] = [
  {
    label: 'PSU → BUAS',
    omobilityId: '0e6f1d9a-4b52-4c0e-a8f3-2d7b91c6e4a5',
    sending: psu,
    receiving: buas,
    student: russianStudent,
    language: { language: 'zh', level: 'B1' },
    iscedCode: '0231',
    courses: [
      { code: 'CHN-201', title: 'Intermediate Chinese: reading and writing', credits: 4 },
      { code: 'CHN-215', title: 'Chinese culture & society', credits: 2.5 },
    ],
    addedCourse: { code: 'CAL-110', title: 'Chinese calligraphy', credits: 2 },
    units: { sending: 'Faculty of Philology', receiving: 'School of Foreign Languages' },
    coordinators: { sending: ['Olga', 'Petrova'], receiving: ['Na', 'Li'] },
  },
  {
    label: 'BUAS → PSU',
    omobilityId: '7a3c5e81-2f64-4d9b-b0e7-c1f84a2d6e39',
    sending: buas,
    receiving: psu,
    student: chineseStudent,
    language: { language: 'ru', level: 'B1' },
    iscedCode: '0231',
    courses: [
      { code: 'RKI-3.1', title: 'Russian as a foreign language: practical course', credits: 6 },
      { code: 'LIT-2.4', title: 'Russian literature of the 19th century', credits: 3 },
    ],
    addedCourse: { code: 'HIS-1.7', title: 'History of the Volga region', credits: 3 },
    units: { sending: 'School of Foreign Languages', receiving: 'Faculty of Philology' },
    coordinators: { sending: ['Na', 'Li'], receiving: ['Olga', 'Petrova'] },
  },
];

export function nominationFor(direction: Direction): Nomination {
  return {
    omobilityId: direction.omobilityId,
    proposalId: 'nomination-1',
    sending: direction.sending,
    receiving: direction.receiving,
    student: direction.student,
    sendingTerm: '2025/2026-2/2',
    receivingAcademicYear: '2025/2026',
    activity: 'long-term',
    eqfLevel: 6,
    agreementIscedCode: direction.iscedCode,
    nomineeIscedCode: direction.iscedCode,
    status: 'approved',
    comment: 'Second-year student of the bachelor programme in linguistics',
  };
}

const coordinator = (institution: Institution, [givenNames, familyName]: [string, string]) => ({
  name: `${givenNames} ${familyName}`,
  email: `international@${institution.heiId}`,
  position: 'International office coordinator',
});

function versionFor(direction: Direction, proposalId: string, signedOn: string, receivingSigned: boolean): LearningAgreementVersion {
  return {
    proposalId,
    studied: direction.courses.map((course) => ({ ...course, term: { number: 2, of: 2 } })),
    recognised: [{ code: 'HOME-ELECTIVE', title: 'Elective: foreign language and culture', credits: 6 }],
    signatures: {
      student: { by: { name: direction.student.latinName.givenNames, email: direction.student.email }, at: `${signedOn}T09:15:00Z` },
      sending: { by: coordinator(direction.sending, direction.coordinators.sending), at: `${signedOn}T11:40:00+03:00` },
      receiving: receivingSigned ? { by: coordinator(direction.receiving, direction.coordinators.receiving), at: `${signedOn}T16:05:00+08:00` } : null,
    },
  };
}

export function learningAgreementFor(direction: Direction): LearningAgreement {
  const party = (institution: Institution, unitName: string, [givenNames, familyName]: [string, string]) => ({
    institution,
    unitName,
    contact: { givenNames, familyName, email: `international@${institution.heiId}` },
  });
  const changes = versionFor(direction, 'b6d2f0c4-1e3a-4a5b-9c7d-8e9f0a1b2c3d', '2026-03-02', false);
  changes.studied = [
    { ...changes.studied[0]!, change: null },
    { ...direction.addedCourse, term: { number: 2, of: 2 }, change: 'added', reason: `Replaces ${direction.courses[1]!.code}` },
    { ...changes.studied[1]!, change: 'removed', reason: 'Timetable conflict' },
  ];
  return {
    omobilityId: direction.omobilityId,
    sending: party(direction.sending, direction.units.sending, direction.coordinators.sending),
    receiving: party(direction.receiving, direction.units.receiving, direction.coordinators.receiving),
    receivingAcademicYear: '2025/2026',
    student: direction.student,
    plannedStart: '2026-02-23',
    plannedEnd: '2026-07-10',
    eqfLevel: 6,
    iscedCode: direction.iscedCode,
    languageOfInstruction: direction.language,
    firstVersion: versionFor(direction, '3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b', '2026-01-20', true),
    approvedChanges: null,
    changesProposal: changes,
    hostCatalogueUrl: `https://www.${direction.receiving.heiId}/courses`,
  };
}

export function transcriptFor(direction: Direction): Transcript {
  return {
    omobilityId: direction.omobilityId,
    receivingAcademicYear: '2025/2026',
    sending: direction.sending,
    receiving: direction.receiving,
    student: direction.student,
    issuedAt: '2026-07-15T10:00:00+08:00',
    generatedAt: '2026-07-16T08:30:00Z',
    components: direction.courses.map((course, index) => ({ ...course, grade: index === 0 ? '5' : '2', passed: index === 0, date: '2026-06-30' })),
  };
}

/** The agreement's PSU–BUAS pair as the quota plan of the demo data has it, for two academic years. */
export function psuBuasAgreement(): InterInstitutionalAgreement {
  const years = ['2025/2026', '2026/2027'];
  return {
    partners: [
      {
        institution: psu,
        iiaId: 'e2c4a6b8-0d1f-4a3c-b5d7-e9f1a3c5e7b9',
        iiaCode: 'PSU-BUAS-2025',
        signingDate: '2025-05-14',
        signer: coordinator(psu, ['Olga', 'Petrova']),
      },
      { institution: buas, iiaId: null, signingDate: '2025-05-20' },
    ],
    inEffect: true,
    quotaLines: years.flatMap((academicYear) => [
      {
        sendingHeiId: psu.heiId,
        receivingHeiId: buas.heiId,
        academicYear,
        seats: 4,
        eqfLevels: [6, 7],
        iscedCodes: ['0231', '0222'],
        totalMonths: 20,
        languages: [{ language: 'zh', level: 'B1' as const }],
      },
      {
        sendingHeiId: psu.heiId,
        receivingHeiId: buas.heiId,
        academicYear,
        seats: 6,
        eqfLevels: [6, 7, 8],
        iscedCodes: ['0231'],
        totalMonths: null,
        languages: [{ language: 'zh', level: null }],
      },
      {
        sendingHeiId: buas.heiId,
        receivingHeiId: psu.heiId,
        academicYear,
        seats: 4,
        eqfLevels: [7, 6],
        iscedCodes: ['0213', '0231'],
        totalMonths: 20,
        languages: [{ language: 'ru', level: 'B1' as const }],
      },
    ]),
  };
}

/** An update request from the receiving institution, as a partner's server would send it. */
export function olaUpdateRequest(action: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<omobility-las-update-request xmlns="${namespaces.lasUpdate}" xmlns:la="${namespaces.las}">
  <sending-hei-id>pnzgu.ru</sending-hei-id>
  <${action}>
    <omobility-id>0e6f1d9a-4b52-4c0e-a8f3-2d7b91c6e4a5</omobility-id>
    <changes-proposal-id>b6d2f0c4-1e3a-4a5b-9c7d-8e9f0a1b2c3d</changes-proposal-id>${extra}
    <signature>
      <la:signer-name>Li Na</la:signer-name>
      <la:signer-position>International office coordinator</la:signer-position>
      <la:signer-email>international@bjwlxy.edu.cn</la:signer-email>
      <la:timestamp>2026-03-05T10:20:00+08:00</la:timestamp>
      <la:signer-app>BUAS exchange office</la:signer-app>
    </signature>
  </${action}>
</omobility-las-update-request>
`;
}

/** An official example shipped with the schemas. */
export function officialExample(name: string): string {
  return readFileSync(new URL(`../../../ewp-schemas/examples/${name}`, import.meta.url), 'utf8');
}
