/**
 * The `iia-hash` of an IIA v7: "the SHA-256 digest of the `text-to-hash` element content that is
 * obtained by using the appropriate XSLT transformation mentioned in the API specification"
 * (the schema's annotation). That transformation is `ewp-schemas/examples/iias-v7-hash-transform.xsl`.
 *
 * The stylesheet is XSLT 2.0, which no maintained npm package runs without a processor of its
 * own, and what it computes is plain: it walks the `iia` in document order and writes each value
 * between markers (`_path=value_` for an element, `_@path=value@_` for an attribute), leaving
 * out the contacts, the academic years (written last, once per condition) and whatever is
 * flagged not yet defined. The same walk is written out below, one step for each of its rules,
 * and the digest is taken with node:crypto over the UTF-8 text. The test checks it against the
 * hash the official example carries.
 *
 * One difference, on purpose: the stylesheet reads `terminated-as-a-whole` with `//`, that is
 * from any IIA of the document, so in a response with several IIAs one terminated agreement would
 * mark them all. Here each IIA is read on its own, which is the same for a single IIA.
 */
import { createHash } from 'node:crypto';
import { childElements, childText, firstChild, parseXml, type XmlElement } from './xml.js';

const isTrue = (value: string | null) => value === 'true' || value === '1';
const notYetDefined = (element: XmlElement) => isTrue(element.getAttribute('not-yet-defined'));

/** The text the stylesheet puts in `text-to-hash` for this `iia` element. */
export function iiaTextToHash(iia: XmlElement): string {
  const conditions = firstChild(iia, 'cooperation-conditions');
  let text = conditions && isTrue(conditions.getAttribute('terminated-as-a-whole')) ? '_@terminated-as-a-whole@_' : '';
  childElements(iia, 'partner').forEach((partner, index) => {
    text += marker(`iia-id_${index + 1}`, childText(partner, 'iia-id') ?? '');
  });
  if (!conditions) return text;
  for (const specification of childElements(conditions)) {
    // The ancestors a name is made of: a value's path is grandparent.parent.element.
    text += walk(specification, [conditions.localName, specification.localName], notYetDefined(specification));
    text += marker('receiving-first-academic-year-id', childText(specification, 'receiving-first-academic-year-id') ?? '');
    text += marker('receiving-last-academic-year-id', childText(specification, 'receiving-last-academic-year-id') ?? '');
  }
  return text;
}

/** The SHA-256 of the text to hash, in lower-case hex as `iia-hash` holds it. */
export function iiaHash(iia: XmlElement): string {
  return createHash('sha256').update(iiaTextToHash(iia), 'utf8').digest('hex');
}

/** The hash of each IIA of an `iias-get-response`, in document order (to check a partner's). */
export function iiaHashesOf(xml: string): string[] {
  return childElements(parseXml(xml), 'iia').map(iiaHash);
}

const marker = (name: string, value: string) => `_${name}=${value}_`;
const attributeMarker = (name: string, value: string) => `_@${name}=${value}@_`;
const skippedAttributes = new Set(['not-yet-defined', 'v6-value']);
const yearElements = new Set(['receiving-first-academic-year-id', 'receiving-last-academic-year-id']);

/**
 * The markers of every element below `parent`, in document order. `path` holds the local names
 * from the cooperation conditions down to `parent`; `undefinedAbove` says whether `parent` or an
 * ancestor is flagged not yet defined, which silences the whole branch.
 */
function walk(parent: XmlElement, path: string[], undefinedAbove: boolean): string {
  let text = '';
  for (const element of childElements(parent)) {
    const name = element.localName;
    const silenced = undefinedAbove || notYetDefined(element);
    // Contacts are left out with all they hold (the contact element's own attributes excepted: the stylesheet tests ancestors only).
    const insideContact = path.includes('sending-contact') || path.includes('receiving-contact');
    if (!insideContact && !yearElements.has(name) && !silenced) {
      const [grandparent = '', parentName = ''] = path.slice(-2);
      for (const attribute of Array.from(element.attributes)) {
        // XPath's @* holds neither namespace declarations nor, for the two skipped names, namespaced look-alikes.
        if (attribute.namespaceURI === 'http://www.w3.org/2000/xmlns/') continue;
        if (attribute.namespaceURI === null && skippedAttributes.has(attribute.localName)) continue;
        text += attributeMarker(`${grandparent}.${parentName}.${name}.${attribute.localName}`, attribute.value);
      }
      if (childElements(element).length === 0) text += marker(`${grandparent}.${parentName}.${name}`, leafValue(element));
    }
    text += walk(element, [...path, name], silenced);
  }
  return text;
}

/** An ISCED code converted from IIA v6 is hashed with its v6 value, so the converted agreement keeps its hash. */
function leafValue(element: XmlElement): string {
  const v6Value = element.localName === 'isced-f-code' ? element.getAttribute('v6-value') : null;
  return v6Value ? v6Value : (element.textContent ?? '');
}
