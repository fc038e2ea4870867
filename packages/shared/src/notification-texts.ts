/**
 * What a notification says, in each working language. The API renders e-mails with it and
 * the web renders the in-app list with it, so both say the same thing.
 */
import type { Locale } from './enums.js';
import { isLocale, localize, type LocalizedText } from './i18n.js';
import { writtenText } from './locale-texts.js';

type Params = Record<string, unknown>;
type Text = { subject: string; body: string };
type Template = (p: (name: string) => string) => Record<Locale, Text>;

const templates: Record<string, Template> = {
  'account.verified': () => ({
    en: { subject: 'Your account is verified', body: 'Your international office has verified your account. You can now sign in and apply.' },
    ru: { subject: 'Ваша учётная запись подтверждена', body: 'Международный отдел подтвердил вашу учётную запись. Теперь можно войти и подать заявку.' },
    zh: { subject: '您的账户已通过验证', body: '国际交流处已验证您的账户。现在您可以登录并提交申请。' },
  }),
  'account.registration_attempt': () => ({
    en: {
      subject: 'Someone tried to register with your e-mail address',
      body: 'Someone tried to create a new account with your e-mail address. No new account was created. If it was you, sign in with your existing account or ask your international office to reset your password. If it was not you, you need not do anything.',
    },
    ru: {
      subject: 'Попытка регистрации с вашим адресом электронной почты',
      body: 'Кто-то попытался создать новую учётную запись с вашим адресом электронной почты. Новая учётная запись не создана. Если это были вы, войдите в существующую учётную запись или попросите международный отдел сбросить пароль. Если это были не вы, ничего делать не нужно.',
    },
    zh: {
      subject: '有人尝试使用您的电子邮箱注册',
      body: '有人尝试使用您的电子邮箱创建新账户，但未创建新账户。如果是您本人，请使用现有账户登录，或请国际交流处重置密码。如果不是您本人，无需采取任何操作。',
    },
  }),
  'application.submitted': (p) => ({
    en: { subject: `Application submitted: ${p('call')}`, body: `Your application to "${p('call')}" has been submitted. Your international office will review it.` },
    ru: { subject: `Заявка подана: ${p('call')}`, body: `Ваша заявка на «${p('call')}» подана. Международный отдел её рассмотрит.` },
    zh: { subject: `申请已提交：${p('call')}`, body: `您对“${p('call')}”的申请已提交，国际交流处将进行审核。` },
  }),
  'application.withdrawn': (p) => ({
    en: { subject: `Application withdrawn: ${p('call')}`, body: `Your application to "${p('call')}" has been withdrawn.` },
    ru: { subject: `Заявка отозвана: ${p('call')}`, body: `Ваша заявка на «${p('call')}» отозвана.` },
    zh: { subject: `申请已撤回：${p('call')}`, body: `您对“${p('call')}”的申请已撤回。` },
  }),
  'application.ineligible': (p) => ({
    en: { subject: `Application not eligible: ${p('call')}`, body: `Your application to "${p('call')}" was found not eligible. Reason: ${p('reason')}` },
    ru: { subject: `Заявка не допущена: ${p('call')}`, body: `Ваша заявка на «${p('call')}» не допущена к отбору. Причина: ${p('reason')}` },
    zh: { subject: `申请不符合条件：${p('call')}`, body: `您对“${p('call')}”的申请被认定为不符合条件。原因：${p('reason')}` },
  }),
  'application.waitlisted': (p) => ({
    en: { subject: `On the waiting list: ${p('call')}`, body: `No place was free for your application to "${p('call')}". You are on the waiting list and will be told if a place frees up.` },
    ru: { subject: `Вы в листе ожидания: ${p('call')}`, body: `Для вашей заявки на «${p('call')}» не нашлось свободного места. Вы в листе ожидания; мы сообщим, если место освободится.` },
    zh: { subject: `已列入候补名单：${p('call')}`, body: `您对“${p('call')}”的申请暂无空余名额。您已列入候补名单，如有名额空出将通知您。` },
  }),
  'application.nominated': (p) => ({
    en: { subject: `Nominated to ${p('partner')}`, body: `You have been nominated to ${p('partner')} for "${p('call')}". The partner university will now decide.` },
    ru: { subject: `Вы номинированы в ${p('partner')}`, body: `Вы номинированы в ${p('partner')} по программе «${p('call')}». Теперь решение за принимающим университетом.` },
    zh: { subject: `您已被推荐至${p('partner')}`, body: `您已通过“${p('call')}”被推荐至${p('partner')}，请等待对方学校的决定。` },
  }),
  'application.accepted': (p) => ({
    en: { subject: `Accepted by ${p('partner')}`, body: `${p('partner')} has accepted your nomination. Congratulations!` },
    ru: { subject: `Вас приняли в ${p('partner')}`, body: `${p('partner')} принял вашу номинацию. Поздравляем!` },
    zh: { subject: `${p('partner')}已接收您`, body: `${p('partner')}已批准您的推荐。祝贺您！` },
  }),
  'application.declined': (p) => ({
    en: { subject: `Not accepted by ${p('partner')}`, body: `${p('partner')} did not accept your nomination. Your international office will offer you your next choice that still has a place, or put you on its waiting list; you will be told which. Reason: ${p('reason')}` },
    ru: { subject: `${p('partner')} отклонил номинацию`, body: `${p('partner')} не принял вашу номинацию. Международный отдел предложит вам следующий из ваших выборов, где есть свободное место, или включит вас в лист ожидания; мы сообщим о решении. Причина: ${p('reason')}` },
    zh: { subject: `${p('partner')}未接收您的推荐`, body: `${p('partner')}未批准您的推荐。国际交流处将为您推荐下一个仍有名额的志愿，或将您列入候补名单，届时会通知您。原因：${p('reason')}` },
  }),
  'application.cancelled': (p) => ({
    en: { subject: `Nomination cancelled: ${p('call')}`, body: `Your nomination for "${p('call')}" has been cancelled by your international office.` },
    ru: { subject: `Номинация отменена: ${p('call')}`, body: `Международный отдел отменил вашу номинацию по программе «${p('call')}».` },
    zh: { subject: `推荐已取消：${p('call')}`, body: `国际交流处已取消您在“${p('call')}”中的推荐。` },
  }),
  'application.not_placed': (p) => ({
    en: { subject: `No place this time: ${p('call')}`, body: `Unfortunately there was no place for your application to "${p('call')}".` },
    ru: { subject: `Место не досталось: ${p('call')}`, body: `К сожалению, для вашей заявки на «${p('call')}» места не нашлось.` },
    zh: { subject: `本次未获名额：${p('call')}`, body: `很遗憾，您对“${p('call')}”的申请本次未获得名额。` },
  }),
  'event.promoted': (p) => ({
    en: { subject: `A place is yours: ${p('event')}`, body: `A place has freed up and your registration for "${p('event')}" is now confirmed.` },
    ru: { subject: `Место освободилось: ${p('event')}`, body: `Освободилось место, и ваша регистрация на «${p('event')}» подтверждена.` },
    zh: { subject: `您已获得名额：${p('event')}`, body: `有名额空出，您对“${p('event')}”的报名已确认。` },
  }),
  'event.cancelled': (p) => ({
    en: { subject: `Event cancelled: ${p('event')}`, body: `"${p('event')}", for which you registered, has been cancelled.` },
    ru: { subject: `Мероприятие отменено: ${p('event')}`, body: `Мероприятие «${p('event')}», на которое вы зарегистрировались, отменено.` },
    zh: { subject: `活动已取消：${p('event')}`, body: `您报名的活动“${p('event')}”已取消。` },
  }),
  'event.changed': (p) => ({
    en: { subject: `Event changed: ${p('event')}`, body: `The time or place of "${p('event')}", for which you registered, has changed. Please check the event page.` },
    ru: { subject: `Мероприятие изменено: ${p('event')}`, body: `Изменились время или место мероприятия «${p('event')}», на которое вы зарегистрировались. Проверьте страницу мероприятия.` },
    zh: { subject: `活动已变更：${p('event')}`, body: `您报名的活动“${p('event')}”的时间或地点已变更，请查看活动页面。` },
  }),
  'nomination.received': (p) => {
    const student = crossBorderName(p('student'), p('studentLatin'));
    return {
      en: { subject: `New nominee from ${p('partner')}`, body: `${p('partner')} has nominated ${student}. Please decide on the nomination.` },
      ru: { subject: `Новый кандидат от ${p('partner')}`, body: `${p('partner')} номинировал студента ${student}. Пожалуйста, примите решение.` },
      zh: { subject: `来自${p('partner')}的新被推荐人`, body: `${p('partner')}推荐了${student}，请对该推荐作出决定。` },
    };
  },
};

export const notificationKinds = Object.keys(templates);

/**
 * A person's name for the other side of the border: the native script and, when it differs,
 * the Latin spelling of the passport ("Иванов Иван (Ivanov Ivan)"), which a reader who does not
 * read Cyrillic or Chinese characters can still match with the documents.
 */
export function crossBorderName(native: string, latin: string | null | undefined): string {
  const spelled = latin?.trim();
  return spelled && spelled !== native.trim() ? `${native} (${spelled})` : native;
}

const idParam = (params: Params, name: string) => (typeof params[name] === 'string' ? encodeURIComponent(params[name]) : undefined);

/** The web page a notification is about (a path under the web's public URL), if any. */
export function notificationPath(kind: string, params: Params): string | undefined {
  const [area] = kind.split('.');
  if (kind === 'account.verified') return '/login';
  const id = area === 'application' ? idParam(params, 'applicationId') : area === 'event' ? idParam(params, 'eventId') : area === 'nomination' ? idParam(params, 'nominationId') : undefined;
  if (!id) return undefined;
  return area === 'application' ? `/applications/${id}` : area === 'event' ? `/events/${id}` : `/nominations/${id}`;
}

/** The last line of an e-mail: where in the portal to act on it. */
export function mailLinkLine(url: string, locale: Locale): string {
  return { en: `Open in the portal: ${url}`, ru: `Открыть в системе: ${url}`, zh: `在系统中查看：${url}` }[locale];
}

/** The page of the incoming nominees, which a digest links to. */
export const incomingNomineesPath = '/nominations?direction=incoming';

/**
 * One mail for a day's `nomination.received` notifications: one line per nominee with the
 * link to their dossier. `link` turns a web path into an absolute address.
 */
export function renderNomineeDigest(entries: { params: Params }[], locale: Locale, link: (path: string) => string): Text {
  const lines = entries.map(({ params }) => {
    const p = (name: string) => paramText(params[name], locale);
    const student = crossBorderName(p('student'), p('studentLatin'));
    const path = notificationPath('nomination.received', params);
    const where = path ? link(path) : '';
    return { en: `- ${student}, ${p('partner')}: ${where}`, ru: `- ${student}, ${p('partner')}: ${where}`, zh: `- ${student}，${p('partner')}：${where}` }[locale].trimEnd();
  });
  const count = entries.length;
  const intro = {
    en: { subject: `New nominees: ${count}`, body: `Partner universities have nominated ${count} new ${count === 1 ? 'student' : 'students'} to you. Please decide on each nomination.` },
    ru: { subject: `Новые кандидаты: ${count}`, body: `Университеты-партнёры номинировали к вам новых студентов: ${count}. Пожалуйста, примите решение по каждой номинации.` },
    zh: { subject: `新被推荐人：${count}名`, body: `合作院校向贵校新推荐了${count}名学生，请对每项推荐作出决定。` },
  }[locale];
  return { subject: intro.subject, body: `${intro.body}\n\n${lines.join('\n')}` };
}

/** A parameter as text: localized objects are read in the reader's language. */
function paramText(value: unknown, locale: Locale): string {
  if (value && typeof value === 'object' && 'en' in value && 'ru' in value && 'zh' in value) {
    return localize(value as LocalizedText, locale).text;
  }
  return value === undefined || value === null ? '' : String(value);
}

export function renderNotification(kind: string, params: Params, locale: Locale): Text {
  const template = templates[kind];
  if (!template) return { subject: kind, body: '' };
  // A reason is someone's own words: the reader is told when they are in another language.
  const reasonLocale = isLocale(params.reasonLocale) ? params.reasonLocale : null;
  const text = (name: string) => (name === 'reason' ? writtenText(paramText(params[name], locale), reasonLocale, locale) : paramText(params[name], locale));
  return template(text)[locale];
}
