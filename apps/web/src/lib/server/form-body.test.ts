import { describe, expect, it } from 'vitest';
import { isFormContentType, refuseUnreadableForm } from './form-body';

const post = (body: BodyInit | null, type?: string) =>
  new Request('http://web.test/login', { method: 'POST', body, headers: type ? { 'content-type': type } : {} });

describe('form bodies', () => {
  it('knows the content types of HTML forms', () => {
    expect(isFormContentType('application/x-www-form-urlencoded')).toBe(true);
    expect(isFormContentType('Multipart/Form-Data; boundary=x')).toBe(true);
    expect(isFormContentType('application/json')).toBe(false);
    expect(isFormContentType('text/plain')).toBe(false);
    expect(isFormContentType(null)).toBe(false);
  });

  it('lets a well-formed form through and hands the same parse to the action', async () => {
    const form = new FormData();
    form.set('email', 'a@b.c');
    form.set('file', new File(['%PDF-1.7'], 'a.pdf', { type: 'application/pdf' }));
    const request = new Request('http://web.test/login', { method: 'POST', body: form });
    expect(await refuseUnreadableForm(request)).toBeNull();
    const read = await request.formData();
    expect(read.get('email')).toBe('a@b.c');
    expect(await (read.get('file') as File).text()).toBe('%PDF-1.7');
    expect(await request.formData()).toBe(read);
  });

  it('lets an urlencoded form and a POST without a body through', async () => {
    const request = post('email=a%40b.c&password=x', 'application/x-www-form-urlencoded');
    expect(await refuseUnreadableForm(request)).toBeNull();
    expect((await request.formData()).get('email')).toBe('a@b.c');
    expect(await refuseUnreadableForm(post(null))).toBeNull();
    expect(await refuseUnreadableForm(new Request('http://web.test/login'))).toBeNull();
  });

  it.each([
    ['a JSON body', 'application/json', '{"email":"a@b.c"}'],
    ['a plain-text body', 'text/plain', 'email=a@b.c'],
    ['a body without a content type', undefined, 'email=a@b.c'],
    ['a multipart body without its boundary', 'multipart/form-data', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
    ['a truncated multipart body', 'multipart/form-data; boundary=x', '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1'],
  ])('refuses %s with 400', async (_, type, body) => {
    expect(await refuseUnreadableForm(post(body, type))).toBe(400);
  });
});
