import { zonedLocalToInstant, type LocalizedText } from '@exchange/shared';
import type { Transaction } from './client.js';
import { centres, events, institutions } from './schema/index.js';

type Code = 'PSU' | 'BUAS' | 'BRI';

const demoCentres: { code: Code; name: LocalizedText; description: LocalizedText }[] = [
  {
    code: 'PSU',
    name: { en: 'Chinese Culture Centre', ru: 'Центр китайской культуры', zh: '中国文化中心' },
    description: {
      en: 'Language clubs, calligraphy, tea and film evenings at Penza State University.',
      ru: 'Языковые клубы, каллиграфия, чайные и кинематографические вечера в Пензенском государственном университете.',
      zh: '奔萨国立大学的语言俱乐部、书法、茶艺和电影之夜。',
    },
  },
  {
    code: 'BUAS',
    name: { en: 'Russian Language and Culture Centre', ru: 'Центр русского языка и культуры', zh: '俄语与俄罗斯文化中心' },
    description: {
      en: 'Conversation practice, Russian cinema and literature at Baoji University of Arts and Sciences.',
      ru: 'Разговорная практика, русское кино и литература в Баоцзинском институте искусств и наук.',
      zh: '宝鸡文理学院的俄语会话练习、俄罗斯电影与文学活动。',
    },
  },
  {
    code: 'BRI',
    name: { en: 'Railway Culture Club', ru: 'Клуб железнодорожной культуры', zh: '铁路文化俱乐部' },
    description: {
      en: 'The history and engineering of railways in Russia and China, at the Baoji Railway Institute.',
      ru: 'История и техника железных дорог России и Китая в Баоцзинском железнодорожном институте.',
      zh: '宝鸡铁路技师学院的中俄铁路历史与工程活动。',
    },
  },
];

type DemoEvent = {
  centre: Code;
  title: LocalizedText;
  description: LocalizedText;
  /** Days from today, local start hour and minute, length in minutes. */
  inDays: number;
  at: [number, number];
  minutes: number;
  venue?: LocalizedText;
  onlineUrl?: string;
  capacity: number;
  audience?: Code[];
  status?: 'draft' | 'published';
};

const demoEvents: DemoEvent[] = [
  {
    centre: 'PSU',
    title: { en: 'Chinese calligraphy workshop', ru: 'Мастер-класс по китайской каллиграфии', zh: '中国书法工作坊' },
    description: {
      en: 'Brush, ink and the first eight strokes. Materials are provided.',
      ru: 'Кисть, тушь и первые восемь черт. Материалы выдаём.',
      zh: '毛笔、墨汁和基本八笔。提供所有材料。',
    },
    inDays: 8,
    at: [18, 0],
    minutes: 120,
    venue: {
      en: 'Penza State University, 40 Krasnaya St., building 7, room 301',
      ru: 'Пензенский государственный университет, ул. Красная, 40, корпус 7, ауд. 301',
      zh: '奔萨国立大学，红街40号，7号楼301室',
    },
    capacity: 20,
  },
  {
    centre: 'PSU',
    title: { en: 'Tea ceremony evening for PSU students', ru: 'Чайная церемония для студентов ПГУ', zh: '奔萨国立大学学生茶艺之夜' },
    description: {
      en: 'Gongfu tea with the centre’s teachers; for students of Penza State University.',
      ru: 'Чай гунфу с преподавателями центра; только для студентов ПГУ.',
      zh: '与中心教师一起品功夫茶；仅限奔萨国立大学学生参加。',
    },
    inDays: 15,
    at: [17, 30],
    minutes: 90,
    venue: {
      en: 'Penza State University, Chinese Culture Centre, room 112',
      ru: 'Пензенский государственный университет, Центр китайской культуры, ауд. 112',
      zh: '奔萨国立大学中国文化中心112室',
    },
    capacity: 12,
    audience: ['PSU'],
  },
  {
    centre: 'PSU',
    title: { en: 'Online lecture: Baoji and the Silk Road', ru: 'Онлайн-лекция: Баоцзи и Шёлковый путь', zh: '线上讲座：宝鸡与丝绸之路' },
    description: {
      en: 'A joint lecture of Penza and Baoji historians, with questions from both sides.',
      ru: 'Совместная лекция историков Пензы и Баоцзи с вопросами из обоих городов.',
      zh: '奔萨与宝鸡历史学者联合讲座，两地学生均可提问。',
    },
    inDays: 22,
    at: [14, 0],
    minutes: 90,
    onlineUrl: 'https://meet.pnzgu.example/silk-road',
    capacity: 200,
  },
  {
    centre: 'BUAS',
    title: { en: 'Russian conversation club', ru: 'Разговорный клуб русского языка', zh: '俄语会话俱乐部' },
    description: {
      en: 'Practise Russian with students from Penza. All levels welcome.',
      ru: 'Практика русского языка со студентами из Пензы. Приглашаем все уровни.',
      zh: '与来自奔萨的学生练习俄语，欢迎各种水平的同学。',
    },
    inDays: 10,
    at: [19, 0],
    minutes: 90,
    venue: {
      en: 'BUAS, Gaoxin campus, Foreign Languages building, room 204',
      ru: 'Баоцзинский институт искусств и наук, кампус Гаосинь, корпус иностранных языков, ауд. 204',
      zh: '宝鸡文理学院高新校区外语楼204室',
    },
    capacity: 15,
  },
  {
    centre: 'BUAS',
    title: {
      en: 'Russian film evening: The Cranes Are Flying',
      ru: 'Вечер русского кино: «Летят журавли»',
      zh: '俄罗斯电影之夜：《雁南飞》',
    },
    description: {
      en: 'Mikhail Kalatozov’s 1957 film with Chinese subtitles, followed by a discussion.',
      ru: 'Фильм Михаила Калатозова (1957) с китайскими субтитрами и обсуждение.',
      zh: '',
    },
    inDays: 29,
    at: [19, 0],
    minutes: 150,
    venue: {
      en: 'BUAS, Gaoxin campus, lecture hall 1',
      ru: 'Баоцзинский институт искусств и наук, кампус Гаосинь, лекционный зал 1',
      zh: '宝鸡文理学院高新校区第一报告厅',
    },
    capacity: 60,
  },
  {
    centre: 'BRI',
    title: { en: '', ru: 'Экскурсия в музей железной дороги Баоцзи', zh: '参观宝鸡铁路博物馆' },
    description: {
      en: '',
      ru: 'Паровозы, история Лунхайской линии и встреча с ветеранами-железнодорожниками.',
      zh: '蒸汽机车、陇海铁路历史以及与老铁路工作者座谈。',
    },
    inDays: 36,
    at: [9, 30],
    minutes: 180,
    venue: {
      en: 'Baoji Railway Museum, meeting point at the BRI main gate',
      ru: 'Баоцзинский железнодорожный музей, сбор у главных ворот института',
      zh: '宝鸡铁路博物馆，在宝鸡铁路技师学院正门集合',
    },
    capacity: 25,
  },
  {
    centre: 'BRI',
    title: { en: 'Model railway workshop', ru: 'Мастерская железнодорожного моделизма', zh: '铁路模型工作坊' },
    description: {
      en: 'Build a section of track with the club.',
      ru: 'Соберём участок пути вместе с клубом.',
      zh: '与俱乐部一起搭建一段轨道模型。',
    },
    inDays: 42,
    at: [15, 0],
    minutes: 120,
    venue: { en: 'BRI workshop 3', ru: 'Баоцзинский железнодорожный институт, мастерская № 3', zh: '宝鸡铁路技师学院3号实训车间' },
    capacity: 10,
    status: 'draft',
  },
];

/** One cultural centre per party, with upcoming events (dates relative to today). */
export async function seedCentresAndEvents(tx: Transaction, now = new Date()): Promise<void> {
  const parties = await tx.select({ id: institutions.id, code: institutions.code, timeZone: institutions.timeZone }).from(institutions);
  const party = (code: Code) => parties.find((row) => row.code === code)!;
  const inserted = await tx
    .insert(centres)
    .values(demoCentres.map((centre) => ({ institutionId: party(centre.code).id, name: centre.name, description: centre.description })))
    .returning();
  const centreOf = (code: Code) => inserted.find((row) => row.institutionId === party(code).id)!;

  for (const item of demoEvents) {
    const { timeZone } = party(item.centre);
    const day = new Date(now.getTime() + item.inDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const local = `${day}T${String(item.at[0]).padStart(2, '0')}:${String(item.at[1]).padStart(2, '0')}`;
    const startsAt = zonedLocalToInstant(local, timeZone);
    await tx.insert(events).values({
      centreId: centreOf(item.centre).id,
      title: item.title,
      description: item.description,
      startsAt,
      endsAt: new Date(startsAt.getTime() + item.minutes * 60 * 1000),
      timeZone,
      venue: item.venue ?? null,
      onlineUrl: item.onlineUrl ?? null,
      capacity: item.capacity,
      audienceInstitutionIds: (item.audience ?? []).map((code) => party(code).id),
      status: item.status ?? 'published',
    });
  }
}
