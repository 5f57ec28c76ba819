import JSZip from 'jszip';
import { AppError } from '../core/errors.js';
import type { DocumentStamp } from './document-stamp.js';

/**
 * Stamps a copy of a Word document with its identification in the footer and, on an obsolete
 * version, the warning in the header, on every page of every section. The bytes given are not
 * changed: a new package is built from them.
 *
 * Footers and headers the document already has keep their content: the stamp is appended to
 * every footer (header) part a section refers to. A section without a default footer (header)
 * gets the product's own part; one with a distinct first page (`w:titlePg`) or with even pages
 * (`w:evenAndOddHeaders`) but no such part gets it for those pages too, so no page goes unstamped.
 */

const mainNs = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relTypes = {
  ftr: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer',
  hdr: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
};
const contentTypes = {
  ftr: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
  hdr: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
};
const ownPart = { ftr: 'kqhStampFooter.xml', hdr: 'kqhStampHeader.xml' };
const ownRelId = { ftr: 'rIdKqhStampFooter', hdr: 'rIdKqhStampHeader' };

export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function stampParagraph(text: string, emphasis: boolean): string {
  const runProperties = emphasis
    ? '<w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="24"/></w:rPr>'
    : '<w:rPr><w:sz w:val="16"/></w:rPr>';
  return `<w:p><w:pPr><w:jc w:val="${emphasis ? 'center' : 'left'}"/></w:pPr><w:r>${runProperties}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

type PartKind = 'ftr' | 'hdr';

function relationshipTargets(rels: string): Map<string, { type: string; target: string }> {
  const result = new Map<string, { type: string; target: string }>();
  for (const match of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? '';
    const id = /\bId="([^"]*)"/.exec(attributes)?.[1];
    const type = /\bType="([^"]*)"/.exec(attributes)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(attributes)?.[1];
    if (id && type && target) result.set(id, { type, target });
  }
  return result;
}

function partPath(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return `word/${target}`.replace(/\/\.\//g, '/');
}

export async function stampDocx(original: Uint8Array, stamp: DocumentStamp): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(original.slice());
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The stored Word document could not be opened.', {
      reason: 'unreadable-docx',
      detected: 'docx',
    });
  }
  const documentFile = zip.file('word/document.xml');
  const relsFile = zip.file('word/_rels/document.xml.rels');
  const typesFile = zip.file('[Content_Types].xml');
  if (!documentFile || !relsFile || !typesFile)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'The stored Word document lacks its main parts.', {
      reason: 'unreadable-docx',
      detected: 'docx',
    });
  let documentXml = await documentFile.async('string');
  let rels = await relsFile.async('string');
  let types = await typesFile.async('string');
  const settingsXml = (await zip.file('word/settings.xml')?.async('string')) ?? '';
  const evenPages = /<w:evenAndOddHeaders(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(settingsXml);
  const relations = relationshipTargets(rels);

  const paragraphs: Record<PartKind, string> = {
    ftr: stampParagraph(stamp.identification, false),
    hdr: stamp.warning ? stampParagraph(stamp.warning, true) : '',
  };
  const kinds: PartKind[] = stamp.warning ? ['ftr', 'hdr'] : ['ftr'];
  const referenceTag = { ftr: 'w:footerReference', hdr: 'w:headerReference' };

  if (!/<w:sectPr\b/.test(documentXml)) documentXml = documentXml.replace(/<\/w:body>/, '<w:sectPr/></w:body>');
  if (!/xmlns:r="/.test(documentXml))
    documentXml = documentXml.replace(/<w:document\b/, `<w:document xmlns:r="${relNs}"`);

  const existingParts = new Set<string>();
  let needsOwn: Record<PartKind, boolean> = { ftr: false, hdr: false };
  documentXml = documentXml.replace(
    /<w:sectPr\b([^>]*?)(\/>|>([\s\S]*?)<\/w:sectPr>)/g,
    (_whole, attributes: string, _rest: string, inner: string | undefined) => {
      let body = inner ?? '';
      const additions: string[] = [];
      for (const kind of kinds) {
        const pattern = new RegExp(`<${referenceTag[kind]}\\b[^>]*\\/>`, 'g');
        const present = new Set<string>();
        for (const reference of body.match(pattern) ?? []) {
          const type = /w:type="([^"]*)"/.exec(reference)?.[1] ?? 'default';
          const id = /r:id="([^"]*)"/.exec(reference)?.[1];
          const relation = id ? relations.get(id) : undefined;
          if (relation && relation.type === relTypes[kind]) {
            existingParts.add(`${kind}:${partPath(relation.target)}`);
            present.add(type);
          }
        }
        const wanted = ['default'];
        if (/<w:titlePg(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(body)) wanted.push('first');
        if (evenPages) wanted.push('even');
        for (const type of wanted)
          if (!present.has(type)) {
            additions.push(`<${referenceTag[kind]} w:type="${type}" r:id="${ownRelId[kind]}"/>`);
            needsOwn = { ...needsOwn, [kind]: true };
          }
      }
      // References come first in a section's properties (CT_SectPr).
      body = additions.join('') + body;
      return `<w:sectPr${attributes}>${body}</w:sectPr>`;
    },
  );

  for (const entry of existingParts) {
    const [kind, path] = entry.split(/:(.*)/s) as [PartKind, string];
    const part = zip.file(path);
    if (!part) continue;
    const xml = await part.async('string');
    const closing = kind === 'ftr' ? /<\/w:ftr>\s*$/ : /<\/w:hdr>\s*$/;
    if (closing.test(xml)) zip.file(path, xml.replace(closing, `${paragraphs[kind]}</w:${kind}>`));
  }

  for (const kind of kinds) {
    if (!needsOwn[kind]) continue;
    zip.file(
      `word/${ownPart[kind]}`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${kind} xmlns:w="${mainNs}" xmlns:r="${relNs}">${paragraphs[kind]}</w:${kind}>`,
    );
    if (!rels.includes(`Id="${ownRelId[kind]}"`))
      rels = rels.replace(
        /<\/Relationships>\s*$/,
        `<Relationship Id="${ownRelId[kind]}" Type="${relTypes[kind]}" Target="${ownPart[kind]}"/></Relationships>`,
      );
    if (!types.includes(`/word/${ownPart[kind]}`))
      types = types.replace(
        /<\/Types>\s*$/,
        `<Override PartName="/word/${ownPart[kind]}" ContentType="${contentTypes[kind]}"/></Types>`,
      );
  }

  zip.file('word/document.xml', documentXml);
  zip.file('word/_rels/document.xml.rels', rels);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
