import fs from 'node:fs/promises';
import { validateXML } from 'xmllint-wasm';
import { repoPath } from '../../../repo-path.ts';

const schemaFile = (name: string) => fs.readFile(repoPath('vendor', 'iati-2.03', name), 'utf8');

/**
 * Validates an activity file against the official IATI 2.03 schema kept in vendor/iati-2.03 (libxml2 compiled to
 * WebAssembly, offline). Answers the validator's messages; none means valid.
 */
export async function iatiSchemaErrors(xml: string): Promise<string[]> {
  const [activities, common, xmlXsd] = await Promise.all([
    schemaFile('iati-activities-schema.xsd'),
    schemaFile('iati-common.xsd'),
    schemaFile('xml.xsd'),
  ]);
  const result = await validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [{ fileName: 'iati-activities-schema.xsd', contents: activities }],
    preload: [
      { fileName: 'iati-common.xsd', contents: common },
      { fileName: 'xml.xsd', contents: xmlXsd },
    ],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
