/** The deterministic randomness, the names and the event themes of the large data set (see seed-large.ts). */
// Deterministic, so two runs at one scale produce the same shape of data.
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof generator>;

const russianGiven = [
  'Анна',
  'Дмитрий',
  'Мария',
  'Алексей',
  'Екатерина',
  'Иван',
  'Ольга',
  'Сергей',
  'Наталья',
  'Павел',
  'Юлия',
  'Максим',
  'Татьяна',
  'Никита',
  'Ксения',
  'Артём',
];
const russianFamily = [
  'Петров',
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Соколов',
  'Попов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Волков',
  'Фёдоров',
  'Михайлов',
  'Беляев',
];
const chineseFamily = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const chineseGiven = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '晓明',
  '建国',
  '子涵',
  '雨桐',
];
const latinGiven = ['Maria', 'John', 'Aisha', 'Lucas', 'Emma', 'Omar', 'Sofia', 'Daniel', 'Amina', 'Leon', 'Chloe', 'Mateo'];
const latinFamily = ['Garcia', 'Smith', 'Nguyen', 'Müller', 'Rossi', 'Kowalski', 'Haddad', 'Silva', 'Jensen', 'Dubois', 'Okafor', 'Novak'];

/** A student's name as their institution would write it; one in ten has a Latin name (and English). */
export function studentName(random: Random, code: string) {
  const latin = random.chance(0.1);
  const fullName = latin
    ? `${random.pick(latinGiven)} ${random.pick(latinFamily)}`
    : code === 'PSU'
      ? (() => {
          const given = random.pick(russianGiven);
          const family = random.pick(russianFamily);
          // Feminine family names for the feminine given names.
          return `${given} ${/[аяь]$/.test(given) && !given.endsWith('ь') ? `${family}а` : family}`;
        })()
      : `${random.pick(chineseFamily)}${random.pick(chineseGiven)}`;
  return { latin, fullName };
}

export const eventThemes = [
  { en: 'Calligraphy workshop', ru: 'Мастер-класс по каллиграфии', zh: '书法工作坊' },
  { en: 'Tea ceremony evening', ru: 'Вечер чайной церемонии', zh: '茶艺之夜' },
  { en: 'Russian film club', ru: 'Клуб русского кино', zh: '俄罗斯电影俱乐部' },
  { en: 'Conversation practice', ru: 'Разговорная практика', zh: '会话练习' },
  { en: 'Railway history lecture', ru: 'Лекция по истории железных дорог', zh: '铁路历史讲座' },
  { en: 'Spring festival concert', ru: 'Концерт к празднику Весны', zh: '春节音乐会' },
  { en: 'Maslenitsa celebration', ru: 'Празднование Масленицы', zh: '谢肉节庆祝活动' },
  { en: 'Poetry reading', ru: 'Поэтические чтения', zh: '诗歌朗诵会' },
];

export const day = 86_400_000;
