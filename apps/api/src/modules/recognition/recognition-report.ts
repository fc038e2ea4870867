/** Per direction and academic year: host components planned and passed, home components recognised, and their credits. */
import type { Database } from '@exchange/db';
import type { Actor } from '@exchange/shared';
import { yearRows } from './recognition.repository.js';
import type { LearningAgreementsInForce } from './ports.js';

type Line = {
  sendingInstitutionId: string;
  receivingInstitutionId: string;
  mobilities: number;
  planned: number;
  passed: number;
  recognised: number;
  creditsPlanned: number;
  creditsPassed: number;
  creditsRecognised: number;
};

export async function recognitionReport(db: Database, agreements: LearningAgreementsInForce, actor: Actor, academicYear: string) {
  const rows = await yearRows(db, academicYear, actor.role === 'admin' ? null : (actor.institutionId ?? ''));
  const inForce = await agreements.inForce(
    db,
    rows.map((row) => row.id),
  );
  const lines = new Map<string, Line>();
  for (const row of rows) {
    const key = `${row.sendingInstitutionId}>${row.receivingInstitutionId}`;
    const line = lines.get(key) ?? {
      sendingInstitutionId: row.sendingInstitutionId,
      receivingInstitutionId: row.receivingInstitutionId,
      mobilities: 0,
      planned: 0,
      passed: 0,
      recognised: 0,
      creditsPlanned: 0,
      creditsPassed: 0,
      creditsRecognised: 0,
    };
    const studied = inForce.get(row.id)?.studied ?? [];
    const passed = (row.transcript ?? []).filter((component) => component.passed);
    const recognised = (row.recognition ?? []).filter((component) => component.recognised);
    line.mobilities += 1;
    line.planned += studied.length;
    line.creditsPlanned += studied.reduce((sum, c) => sum + c.credits, 0);
    line.passed += passed.length;
    line.creditsPassed += passed.reduce((sum, c) => sum + c.credits, 0);
    line.recognised += recognised.length;
    line.creditsRecognised += recognised.reduce((sum, c) => sum + c.homeCredits, 0);
    lines.set(key, line);
  }
  return { academicYear, items: [...lines.values()] };
}
