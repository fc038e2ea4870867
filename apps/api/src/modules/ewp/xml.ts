/** What every EWP document shares: the namespaces, writing a document, and reading one back. */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { PersonName, Student } from './types.js';

const github = 'https://github.com/erasmus-without-paper';

/** The namespaces of the documents; each is the address the schema was published under, as EWP names them. */
export const namespaces = {
  omobilities: `${github}/ewp-specs-api-omobilities/blob/stable-v3/endpoints/get-response.xsd`,
  las: `${github}/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd`,
  lasUpdate: `${github}/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/update-request.xsd`,
  iias: `${github}/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd`,
  tors: `${github}/ewp-specs-api-imobility-tors/blob/stable-v3/endpoints/get-response.xsd`,
  contact: `${github}/ewp-specs-types-contact/tree/stable-v1`,
  academicTerm: `${github}/ewp-specs-types-academic-term/tree/stable-v2`,
  elmo: 'https://github.com/emrex-eu/elmo-schemas/tree/v2',
} as const;

export type { XMLBuilder };

/** A new document whose root element is in `namespace`; its children inherit that namespace. */
export function newDocument(namespace: string, rootName: string, prefixes: Record<string, string> = {}): XMLBuilder {
  const declarations = Object.fromEntries(Object.entries(prefixes).map(([prefix, uri]) => [`xmlns:${prefix}`, uri]));
  return create({ version: '1.0', encoding: 'UTF-8' }).ele(namespace, rootName, declarations);
}

/** The whole document the element belongs to, indented for people who read it. */
export function serialize(element: XMLBuilder): string {
  return element.end({ prettyPrint: true });
}

/** Adds `<name>value</name>`; numbers are written as they are (no exponent for the sizes met here). */
export function leaf(parent: XMLBuilder, name: string, value: string | number | boolean, attributes?: Record<string, string>): void {
  parent.ele(name, attributes).txt(String(value));
}

/** Adds `<name>value</name>` when there is a value. */
export function optionalLeaf(parent: XMLBuilder, name: string, value: string | number | null | undefined): void {
  if (value !== null && value !== undefined && value !== '') leaf(parent, name, value);
}

/**
 * The European Student Identifier: the home institution's SCHAC code and its own identifier of
 * the student (https://wiki.geant.org/display/SM/European+Student+Identifier).
 */
export function europeanStudentIdentifier(homeHeiId: string, studentId: string): string {
  return `urn:schac:personalUniqueCode:int:esi:${homeHeiId}:${studentId}`;
}

/**
 * The student's name in each script known, Latin first. The Latin spelling of a Russian or
 * Chinese name is tagged with the script subtag (`ru-Latn`, `zh-Latn`) so a reader tells the
 * transliteration from the original; a name known only in Latin letters carries no language.
 */
export function namesInScripts(student: Student): { lang: string | null; name: PersonName }[] {
  const native = student.nativeName;
  if (!native) return [{ lang: null, name: student.latinName }];
  return [
    { lang: `${native.lang}-Latn`, name: student.latinName },
    { lang: native.lang, name: native },
  ];
}

/** The name as it is written whole: family name first and unspaced in Chinese, Japanese and Korean. */
export function fullName(name: PersonName, lang: string | null): string {
  const language = lang?.split('-')[0];
  return language === 'zh' || language === 'ja' || language === 'ko' ? `${name.familyName}${name.givenNames}` : `${name.givenNames} ${name.familyName}`;
}

// ——— reading ———

/** The little of the DOM that reading an EWP document needs (xmlbuilder2 builds on a DOM of its own). */
export interface XmlElement {
  readonly nodeType: number;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlElement>;
  readonly attributes: ArrayLike<{ readonly localName: string; readonly namespaceURI: string | null; readonly value: string }>;
  getAttribute(name: string): string | null;
}

const elementNode = 1;

/** The element a builder stands on, read through the DOM interface. */
export function elementOf(builder: XMLBuilder): XmlElement {
  return builder.node as unknown as XmlElement;
}

/**
 * The root element of a document. The parser is lenient about well-formedness: check the
 * document with `validateEwp` first when it comes from outside.
 */
export function parseXml(xml: string): XmlElement {
  return elementOf(create(xml).root());
}

export function childElements(parent: XmlElement, localName?: string): XmlElement[] {
  return Array.from(parent.childNodes).filter((node) => node.nodeType === elementNode && (localName === undefined || node.localName === localName));
}

/** Every element below `parent`, in document order. */
export function descendants(parent: XmlElement): XmlElement[] {
  return childElements(parent).flatMap((element) => [element, ...descendants(element)]);
}

export function firstChild(parent: XmlElement, localName: string): XmlElement | undefined {
  return childElements(parent, localName)[0];
}

/** The text of the first child element of that name, or null when there is none. */
export function childText(parent: XmlElement, localName: string): string | null {
  return firstChild(parent, localName)?.textContent ?? null;
}
