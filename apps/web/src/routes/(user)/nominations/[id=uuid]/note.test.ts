import { describe, expect, it } from 'vitest';
import { noteErrorOf, readNote } from './note';

const form = (note: string) => {
  const data = new FormData();
  data.set('note', note);
  return data;
};

describe('the note to the partner', () => {
  it('sends the trimmed note, and an empty one as none', () => {
    expect(readNote(form('  Arrives on 1 September.\n'), null)).toEqual({
      note: 'Arrives on 1 September.',
      typed: '  Arrives on 1 September.\n',
    });
    expect(readNote(form('   '), 'Old note')).toEqual({ note: null, typed: '   ' });
  });

  it('names what is wrong and keeps what was typed', () => {
    const long = 'я'.repeat(2001);
    expect(readNote(form(long), null)).toEqual({ note: long, typed: long, error: 'too_long_text' });
    expect(readNote(form('a\u0007b'), null).error).toBe('note_invalid_characters');
    expect(readNote(form('Same note '), 'Same note')).toMatchObject({ error: 'note_unchanged', typed: 'Same note ' });
    expect(readNote(form(''), null).error).toBe('note_unchanged');
    expect(readNote(form('x'.repeat(2000)), null).error).toBeUndefined();
  });

  it('reads the API’s field codes', () => {
    expect(noteErrorOf('too_big')).toBe('too_long_text');
    expect(noteErrorOf('custom')).toBe('note_invalid_characters');
  });
});
