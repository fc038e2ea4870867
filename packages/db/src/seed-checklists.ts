/**
 * The receiving institutions' checklist templates for incoming students, by host country (as in
 * DESIGN.md). Chinese hosts: admission notice and JW202 form, X1/X2 visa, insurance, police
 * registration within 24 hours of arrival, residence permit within 30 days for stays over 180
 * days. Russian hosts: invitation through the migration authority (20–45 working days, so due
 * 60 days before the start), visa, medical insurance, migration registration within 7 working
 * days of arrival.
 */
import type { ChecklistOwner, DueRule, LocalizedText } from '@exchange/shared';
import type { Executor } from './client.js';
import { checklistTemplates } from './schema/index.js';

export type TemplateStep = { key: string; title: LocalizedText; owner: ChecklistOwner; dueRule: DueRule | null; minStayDays?: number; requiresProof?: boolean };

const before = (days: number): DueRule => ({ anchor: 'start', days: -days, unit: 'calendar' });
const afterArrival = (days: number, unit: DueRule['unit'] = 'calendar'): DueRule => ({ anchor: 'arrival', days, unit });

export const checklistTemplateByCountry: Record<'CN' | 'RU', TemplateStep[]> = {
  CN: [
    {
      key: 'admission-notice',
      owner: 'receiving',
      dueRule: before(75),
      title: { en: 'Admission notice sent', ru: 'Уведомление о зачислении отправлено', zh: '寄送录取通知书' },
    },
    { key: 'jw202', owner: 'receiving', dueRule: before(75), title: { en: 'JW202 form issued', ru: 'Форма JW202 выдана', zh: '签发JW202表' } },
    {
      key: 'visa',
      owner: 'student',
      dueRule: before(14),
      requiresProof: true,
      title: { en: 'X1/X2 study visa', ru: 'Учебная виза X1/X2', zh: 'X1/X2学习签证' },
    },
    {
      key: 'insurance',
      owner: 'student',
      dueRule: before(7),
      requiresProof: true,
      title: { en: 'Health insurance', ru: 'Медицинская страховка', zh: '医疗保险' },
    },
    {
      key: 'police-registration',
      owner: 'student',
      dueRule: afterArrival(1),
      title: {
        en: 'Police registration (within 24 hours of arrival)',
        ru: 'Регистрация в полиции (в течение 24 часов после прибытия)',
        zh: '入境后24小时内办理住宿登记',
      },
    },
    {
      key: 'residence-permit',
      owner: 'student',
      dueRule: afterArrival(30),
      minStayDays: 181,
      title: { en: 'Residence permit (within 30 days of arrival)', ru: 'Вид на жительство (в течение 30 дней после прибытия)', zh: '入境后30天内办理居留许可' },
    },
  ],
  RU: [
    {
      key: 'invitation',
      owner: 'receiving',
      dueRule: before(60),
      title: { en: 'Invitation through the migration authority', ru: 'Приглашение через миграционную службу', zh: '通过移民局办理邀请函' },
    },
    { key: 'visa', owner: 'student', dueRule: before(14), requiresProof: true, title: { en: 'Study visa', ru: 'Учебная виза', zh: '学习签证' } },
    {
      key: 'medical-insurance',
      owner: 'student',
      dueRule: before(7),
      requiresProof: true,
      title: { en: 'Medical insurance', ru: 'Медицинская страховка', zh: '医疗保险' },
    },
    {
      key: 'migration-registration',
      owner: 'receiving',
      dueRule: afterArrival(7, 'working'),
      title: {
        en: 'Migration registration (within 7 working days of arrival)',
        ru: 'Миграционный учёт (в течение 7 рабочих дней после прибытия)',
        zh: '入境后7个工作日内办理移民登记',
      },
    },
  ],
};

/** Gives each receiving institution the template of its country. */
export async function seedChecklistTemplates(tx: Executor, hosts: { id: string; country: string }[]) {
  const rows = hosts.flatMap((host) =>
    (checklistTemplateByCountry[host.country as 'CN' | 'RU'] ?? []).map((step, position) => ({
      institutionId: host.id,
      key: step.key,
      title: step.title,
      owner: step.owner,
      dueRule: step.dueRule,
      minStayDays: step.minStayDays ?? null,
      requiresProof: step.requiresProof ?? false,
      position,
    })),
  );
  if (rows.length > 0) await tx.insert(checklistTemplates).values(rows);
}
