/**
 * What a notification says, in each working language. The API renders e-mails with it and
 * the web renders the in-app list with it, so both say the same thing.
 */
import type { Locale } from './enums.js';
import { localize, type LocalizedText } from './i18n.js';

type Params = Record<string, unknown>;
type Text = { subject: string; body: string };
type Template = (p: (name: string) => string) => Record<Locale, Text>;

const templates: Record<string, Template> = {
  'account.verified': () => ({
    en: { subject: 'Your account is verified', body: 'Your international office has verified your account. You can now sign in and apply.' },
    ru: { subject: 'Ваша учётная запись подтверждена', body: 'Международный отдел подтвердил вашу учётную запись. Теперь можно войти и подать заявку.' },
    zh: { subject: '您的账户已通过验证', body: '国际交流处已验证您的账户。现在您可以登录并提交申请。' },
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
  'nomination.received': (p) => ({
    en: { subject: `New nominee from ${p('partner')}`, body: `${p('partner')} has nominated ${p('student')}. Please decide on the nomination.` },
    ru: { subject: `Новый кандидат от ${p('partner')}`, body: `${p('partner')} номинировал студента ${p('student')}. Пожалуйста, примите решение.` },
    zh: { subject: `来自${p('partner')}的新被推荐人`, body: `${p('partner')}推荐了${p('student')}，请对该推荐作出决定。` },
  }),
};

export const notificationKinds = Object.keys(templates);

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
  return template((name) => paramText(params[name], locale))[locale];
}
